ADD VALUE 'calm' BEFORE 'happy'
CREATE VIEW public.calm_days
