CREATE TABLE "Clock" (
    "id" INTEGER NOT NULL,
    "created" BIGINT NOT NULL DEFAULT (extract(epoch from now()) * 1000)::bigint,
    CONSTRAINT "Clock_pkey" PRIMARY KEY ("id")
);
