ALTER DOMAIN public.ticket_priority RENAME TO ticket_priority_automigrate_old
USING priority::text::public.ticket_priority
