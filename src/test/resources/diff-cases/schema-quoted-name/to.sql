CREATE SCHEMA "Sales Data";
CREATE TABLE "Sales Data"."Orders" (
    "Id" integer PRIMARY KEY,
    "Customer Name" text NOT NULL,
    "order" integer
);
