RENAME COLUMN price TO price_cents
TYPE bigint
