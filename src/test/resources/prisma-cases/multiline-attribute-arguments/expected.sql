CREATE TABLE "Event" (
    "id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "happened" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "events_by_kind" ON "Event"("kind", "happened" DESC);
