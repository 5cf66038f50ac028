CREATE TABLE "Flags" (
    "id" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Flags_pkey" PRIMARY KEY ("id")
);
