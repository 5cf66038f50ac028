CREATE TYPE public.priority AS ENUM ('lowest', 'low', 'normal', 'high');
