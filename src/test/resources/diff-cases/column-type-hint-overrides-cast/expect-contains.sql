USING round(amount * 100)::integer
