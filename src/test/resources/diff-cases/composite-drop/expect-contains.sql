DROP TYPE public.money_amount
