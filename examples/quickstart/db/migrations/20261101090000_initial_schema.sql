--liquibase formatted sql

--changeset automigrate:20261101090000_initial_schema splitStatements:false rollbackSplitStatements:false
--comment: generated from db/schema.sql
CREATE TYPE public.task_status AS ENUM ('todo', 'doing', 'done');
CREATE TABLE public.accounts (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT accounts_pkey PRIMARY KEY (id)
);
CREATE TABLE public.projects (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    account_id bigint NOT NULL,
    name text NOT NULL,
    CONSTRAINT projects_account_id_name_key UNIQUE (account_id, name),
    CONSTRAINT projects_pkey PRIMARY KEY (id)
);
CREATE TABLE public.tasks (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    project_id bigint NOT NULL,
    assignee_id bigint,
    title text NOT NULL,
    status public.task_status DEFAULT 'todo'::public.task_status NOT NULL,
    CONSTRAINT tasks_pkey PRIMARY KEY (id),
    CONSTRAINT tasks_title_check CHECK ((title <> ''::text))
);
CREATE TABLE public.users (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    account_id bigint NOT NULL,
    email text NOT NULL,
    full_name text NOT NULL,
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_pkey PRIMARY KEY (id)
);
ALTER TABLE public.projects ADD CONSTRAINT projects_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id) ON DELETE CASCADE;
ALTER TABLE public.tasks ADD CONSTRAINT tasks_assignee_id_fkey FOREIGN KEY (assignee_id) REFERENCES public.users(id) ON DELETE SET NULL;
ALTER TABLE public.tasks ADD CONSTRAINT tasks_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id) ON DELETE CASCADE;
ALTER TABLE public.users ADD CONSTRAINT users_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id) ON DELETE CASCADE;
--rollback ALTER TABLE public.users DROP CONSTRAINT users_account_id_fkey;
--rollback ALTER TABLE public.tasks DROP CONSTRAINT tasks_project_id_fkey;
--rollback ALTER TABLE public.tasks DROP CONSTRAINT tasks_assignee_id_fkey;
--rollback ALTER TABLE public.projects DROP CONSTRAINT projects_account_id_fkey;
--rollback DROP TABLE public.users;
--rollback DROP TABLE public.tasks;
--rollback DROP TABLE public.projects;
--rollback DROP TABLE public.accounts;
--rollback DROP TYPE public.task_status;
