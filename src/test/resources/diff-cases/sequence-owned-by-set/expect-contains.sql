OWNED BY public.tickets.number
