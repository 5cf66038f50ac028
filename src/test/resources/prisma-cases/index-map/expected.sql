CREATE TABLE "Doc" (
    "id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    CONSTRAINT "Doc_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "doc_title" ON "Doc"("title");
