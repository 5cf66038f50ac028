CREATE TABLE "Doc" (
    "id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    CONSTRAINT "Doc_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Doc_title_idx" ON "Doc"("title");

CREATE UNIQUE INDEX "Doc_title_body_key" ON "Doc"("title", "body");
