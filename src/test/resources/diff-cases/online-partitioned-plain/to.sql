CREATE TABLE tenants (id bigint PRIMARY KEY);
-- Partitioned: CONCURRENTLY, NOT VALID foreign keys and USING INDEX are refused there, so those stay plain; the
-- check and the NOT NULL still take their online form. The partition's own index is built concurrently, and so is
-- its copy of the parent's index (made ON ONLY the parent), which is then attached.
CREATE TABLE visits (
    tenant_id bigint NOT NULL REFERENCES tenants (id),
    day date NOT NULL,
    page text NOT NULL,
    hits integer CHECK (hits >= 0),
    UNIQUE (tenant_id, day, page)
) PARTITION BY RANGE (day);
CREATE TABLE visits_2026 PARTITION OF visits FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE INDEX visits_day_idx ON visits (day);
CREATE INDEX visits_2026_page_idx ON visits_2026 (page);
