CREATE TYPE "Priority" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

CREATE TABLE "Task" (
    "id" INTEGER NOT NULL,
    "priority" "Priority" NOT NULL DEFAULT 'MEDIUM',
    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Bug" (
    "id" INTEGER NOT NULL,
    "priority" "Priority",
    CONSTRAINT "Bug_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Task_priority_idx" ON "Task"("priority");
