CREATE SCHEMA reporting;
CREATE TABLE reporting.daily_totals (
    day date PRIMARY KEY,
    orders integer NOT NULL DEFAULT 0,
    revenue numeric(12, 2) NOT NULL DEFAULT 0
);
CREATE SEQUENCE reporting.export_batch_seq;
CREATE VIEW reporting.recent_totals AS
    SELECT day, orders, revenue FROM reporting.daily_totals WHERE day > current_date - 30;
CREATE FUNCTION reporting.average_order(d date) RETURNS numeric
    LANGUAGE sql STABLE
    AS $$ SELECT revenue / nullif(orders, 0) FROM reporting.daily_totals WHERE day = d $$;
CREATE TABLE public.app_settings (key text PRIMARY KEY, value text);
