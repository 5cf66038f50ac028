CREATE TABLE "Event" (
    "id" BIGSERIAL NOT NULL,
    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);
