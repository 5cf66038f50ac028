CREATE INDEX events_kind_idx ON public.events USING btree (kind, happened_at DESC);
