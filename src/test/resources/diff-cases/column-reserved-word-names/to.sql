CREATE TABLE public."user" (
    id integer PRIMARY KEY,
    "order" bigint,
    "select" boolean NOT NULL DEFAULT false,
    "Group" text
);
