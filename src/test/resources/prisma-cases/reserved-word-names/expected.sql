CREATE TABLE "order" (
    "id" INTEGER NOT NULL,
    "user" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "table" INTEGER NOT NULL,
    CONSTRAINT "order_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "order_group_table_idx" ON "order"("group", "table");
