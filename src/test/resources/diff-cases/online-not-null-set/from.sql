CREATE TABLE accounts (id bigint PRIMARY KEY, email text, region text, status_not_null text);
INSERT INTO accounts SELECT g, 'u' || g || '@example.com', 'eu', 'x' FROM generate_series(1, 5000) g;
