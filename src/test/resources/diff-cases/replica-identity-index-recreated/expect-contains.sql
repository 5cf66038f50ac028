ALTER TABLE public.members REPLICA IDENTITY USING INDEX members_login_idx;
