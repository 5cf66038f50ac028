CREATE TYPE public.priority AS ENUM ('low', 'normal', 'high');
