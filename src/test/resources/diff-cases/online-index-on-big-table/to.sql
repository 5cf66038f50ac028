CREATE TABLE events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL,
    note text,
    happened_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_kind_idx ON events (kind, happened_at DESC);
COMMENT ON INDEX events_kind_idx IS 'feeds the per-kind timeline';
CREATE UNIQUE INDEX events_note_uidx ON events (lower(note), id) WHERE note <> 'x;y';
