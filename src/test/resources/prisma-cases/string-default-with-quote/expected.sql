CREATE TABLE "Greeting" (
    "id" INTEGER NOT NULL,
    "text" TEXT NOT NULL DEFAULT 'it''s "fine"',
    CONSTRAINT "Greeting_pkey" PRIMARY KEY ("id")
);
