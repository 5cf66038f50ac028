--liquibase formatted sql

--changeset automigrate:20260101000000_add_users_table
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
--rollback DROP TABLE users;
