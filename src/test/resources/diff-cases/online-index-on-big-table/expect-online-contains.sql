DROP INDEX CONCURRENTLY IF EXISTS public.events_kind_idx;
CREATE INDEX CONCURRENTLY events_kind_idx ON public.events USING btree (kind, happened_at DESC);
COMMENT ON INDEX public.events_kind_idx IS 'feeds the per-kind timeline';
CREATE UNIQUE INDEX CONCURRENTLY events_note_uidx ON public.events USING btree (lower(note), id) WHERE (note <> 'x;y'::text);
