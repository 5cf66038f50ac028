CREATE TABLE "T" (
    "id" INTEGER NOT NULL,
    "value" OID NOT NULL,
    CONSTRAINT "T_pkey" PRIMARY KEY ("id")
);
