CREATE TABLE "Ticket" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    CONSTRAINT "Ticket_pkey" PRIMARY KEY ("id")
);
