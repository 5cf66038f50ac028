CREATE INDEX readings_taken_at_idx ON ONLY public.readings USING btree (taken_at);
ALTER INDEX public.readings_taken_at_idx ATTACH PARTITION public.readings_1_taken;
