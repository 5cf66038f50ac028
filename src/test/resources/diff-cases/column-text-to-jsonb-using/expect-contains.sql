TYPE jsonb
