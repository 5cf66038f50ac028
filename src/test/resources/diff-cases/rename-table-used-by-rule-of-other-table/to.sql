CREATE TABLE public.payments (
    id bigint PRIMARY KEY,
    amount numeric(10,2) NOT NULL
);
CREATE TABLE public.payment_audit ( -- automigrate:renamed-from payment_log
    payment_id bigint NOT NULL,
    amount numeric(10,2) NOT NULL,
    logged_at timestamp with time zone NOT NULL DEFAULT now()
);
CREATE RULE payments_logged AS ON INSERT TO public.payments
    DO ALSO INSERT INTO public.payment_audit (payment_id, amount) VALUES (NEW.id, NEW.amount);
