CREATE TABLE tenants (id bigint PRIMARY KEY);
CREATE TABLE visits (tenant_id bigint NOT NULL, day date NOT NULL, page text, hits integer)
    PARTITION BY RANGE (day);
CREATE TABLE visits_2026 PARTITION OF visits FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
INSERT INTO tenants SELECT g FROM generate_series(1, 10) g;
INSERT INTO visits SELECT g % 10 + 1, date '2026-01-01' + (g % 365), 'p' || g, g FROM generate_series(1, 3000) g;
