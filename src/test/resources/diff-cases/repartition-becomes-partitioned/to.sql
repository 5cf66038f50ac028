CREATE TABLE public.measurements (
    city_id integer NOT NULL,
    logdate date NOT NULL,
    peaktemp integer,
    CONSTRAINT measurements_pkey PRIMARY KEY (city_id, logdate)
) PARTITION BY RANGE (logdate);
CREATE TABLE public.measurements_2026 PARTITION OF public.measurements FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE INDEX measurements_peaktemp_idx ON public.measurements (peaktemp);
COMMENT ON TABLE public.measurements IS 'daily readings';
CREATE VIEW public.hot_days AS SELECT city_id, logdate FROM public.measurements WHERE peaktemp > 30;
