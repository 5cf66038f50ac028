CREATE SCHEMA reporting;
CREATE TABLE public.visits (id integer PRIMARY KEY, page text NOT NULL);
CREATE VIEW reporting.visit_pages AS SELECT DISTINCT page FROM public.visits;
