CREATE SCHEMA crm;
CREATE TABLE crm.leads (id integer PRIMARY KEY, source text NOT NULL, score integer);
CREATE INDEX leads_source_score_idx ON crm.leads (source, score DESC);
