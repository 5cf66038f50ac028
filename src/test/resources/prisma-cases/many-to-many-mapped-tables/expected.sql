CREATE TABLE "books" (
    "book_id" INTEGER NOT NULL,
    CONSTRAINT "books_pkey" PRIMARY KEY ("book_id")
);

CREATE TABLE "authors" (
    "author_id" INTEGER NOT NULL,
    CONSTRAINT "authors_pkey" PRIMARY KEY ("author_id")
);

CREATE TABLE "_AuthorToBook" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,
    CONSTRAINT "_AuthorToBook_AB_pkey" PRIMARY KEY ("A","B")
);

CREATE INDEX "_AuthorToBook_B_index" ON "_AuthorToBook"("B");

ALTER TABLE "_AuthorToBook" ADD CONSTRAINT "_AuthorToBook_A_fkey" FOREIGN KEY ("A") REFERENCES "authors"("author_id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "_AuthorToBook" ADD CONSTRAINT "_AuthorToBook_B_fkey" FOREIGN KEY ("B") REFERENCES "books"("book_id") ON DELETE CASCADE ON UPDATE CASCADE;
