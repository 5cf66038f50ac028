CREATE TABLE "Settings" (
    "id" INTEGER NOT NULL,
    "prefs" JSONB NOT NULL DEFAULT '{"theme": "dark"}',
    "extra" JSONB DEFAULT '[]',
    CONSTRAINT "Settings_pkey" PRIMARY KEY ("id")
);
