CREATE TABLE "Shape" (
    "id" INTEGER NOT NULL,
    "area" circle,
    "ranges" int4range[],
    CONSTRAINT "Shape_pkey" PRIMARY KEY ("id")
);
