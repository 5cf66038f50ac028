ALTER TABLE public.accounts REPLICA IDENTITY USING INDEX accounts_handle_key;
