-- Prisma Migrate's folder beside the schema: not part of the schema.
CREATE TABLE "Unrelated" ("id" INTEGER NOT NULL);
