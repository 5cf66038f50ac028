CREATE INDEX badges_person_idx ON public.badges USING btree (person_id);
ALTER TABLE public.badges ADD CONSTRAINT badges_person_id_fkey FOREIGN KEY (person_id) REFERENCES public.people(id);
ALTER TABLE public.people VALIDATE CONSTRAINT people_team_id_fkey;
ALTER TABLE public.people VALIDATE CONSTRAINT people_mentor_id_fkey;
ALTER TABLE public.people VALIDATE CONSTRAINT people_age_check;
CREATE INDEX CONCURRENTLY people_team_idx ON public.people USING btree (team_id);
