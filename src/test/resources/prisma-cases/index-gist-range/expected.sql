CREATE TABLE "Doc" (
    "id" INTEGER NOT NULL,
    "span" tsrange,
    CONSTRAINT "Doc_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Doc_span_idx" ON "Doc" USING GIST ("span");
