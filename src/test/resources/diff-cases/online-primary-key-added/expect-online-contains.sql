CREATE UNIQUE INDEX CONCURRENTLY readings_pkey ON public.readings USING btree (sensor_id, taken_at);
ALTER TABLE public.readings ADD CONSTRAINT readings_pkey PRIMARY KEY USING INDEX readings_pkey;
CREATE UNIQUE INDEX CONCURRENTLY legacy_codes_pkey ON public.legacy_codes USING btree (code);
ALTER TABLE public.legacy_codes ADD CONSTRAINT legacy_codes_pkey PRIMARY KEY USING INDEX legacy_codes_pkey;
