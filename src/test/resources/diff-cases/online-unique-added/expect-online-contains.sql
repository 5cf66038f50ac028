CREATE UNIQUE INDEX CONCURRENTLY members_handle_key ON public.members USING btree (handle);
ALTER TABLE public.members ADD CONSTRAINT members_handle_key UNIQUE USING INDEX members_handle_key;
COMMENT ON CONSTRAINT members_handle_key ON public.members IS 'handles are public URLs';
CREATE UNIQUE INDEX CONCURRENTLY members_org_seat_key ON public.members USING btree (org_id, seat) INCLUDE (handle) NULLS NOT DISTINCT;
ALTER TABLE public.members ADD CONSTRAINT members_org_seat_key UNIQUE USING INDEX members_org_seat_key DEFERRABLE INITIALLY DEFERRED;
