--liquibase formatted sql

--changeset automigrate:20261201090000_add_users_table
CREATE TABLE public.users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL,
    display_name text NOT NULL DEFAULT ''
);
CREATE INDEX users_email_idx ON public.users (email);
--rollback DROP TABLE public.users;
