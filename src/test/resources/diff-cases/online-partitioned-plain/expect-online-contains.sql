CREATE INDEX visits_day_idx ON ONLY public.visits USING btree (day);
CREATE INDEX CONCURRENTLY visits_2026_day_idx ON public.visits_2026 USING btree (day);
ALTER INDEX public.visits_day_idx ATTACH PARTITION public.visits_2026_day_idx;
ALTER TABLE public.visits ADD CONSTRAINT visits_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id);
ALTER TABLE public.visits ADD CONSTRAINT visits_tenant_id_day_page_key UNIQUE (tenant_id, day, page);
ALTER TABLE public.visits ADD CONSTRAINT visits_hits_check CHECK ((hits >= 0)) NOT VALID;
ALTER TABLE public.visits VALIDATE CONSTRAINT visits_hits_check;
CREATE INDEX CONCURRENTLY visits_2026_page_idx ON public.visits_2026 USING btree (page);
