--liquibase formatted sql

--changeset automigrate:20261202090000_add_orders_table
CREATE TABLE public.orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES public.users (id),
    total numeric(12, 2) NOT NULL DEFAULT 0
);
CREATE INDEX orders_user_id_idx ON public.orders (user_id);
--rollback DROP TABLE public.orders;
