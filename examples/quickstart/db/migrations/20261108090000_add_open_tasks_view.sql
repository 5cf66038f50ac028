--liquibase formatted sql

--changeset automigrate:20261108090000_add_open_tasks_view splitStatements:false rollbackSplitStatements:false
--comment: generated from db/schema.sql
CREATE VIEW public.open_tasks AS
SELECT t.id,
    p.name AS project,
    t.title,
    t.status
   FROM public.tasks t
     JOIN public.projects p ON p.id = t.project_id
  WHERE t.status <> 'done'::public.task_status;
--rollback DROP VIEW public.open_tasks;
