CREATE TABLE members (id bigint PRIMARY KEY, handle text NOT NULL, org_id bigint, seat integer);
INSERT INTO members SELECT g, 'h' || g, g % 40, g FROM generate_series(1, 5000) g;
