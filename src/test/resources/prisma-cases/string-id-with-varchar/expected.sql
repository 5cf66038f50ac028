CREATE TABLE "Country" (
    "code" CHAR(2) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    CONSTRAINT "Country_pkey" PRIMARY KEY ("code")
);
