CREATE TYPE public.answer AS ENUM ('yes', 'no');
