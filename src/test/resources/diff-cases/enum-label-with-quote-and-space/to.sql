CREATE TYPE public.answer AS ENUM ('yes', 'no', 'don''t know', 'N/A');
