USING status::text::public.ticket_state
