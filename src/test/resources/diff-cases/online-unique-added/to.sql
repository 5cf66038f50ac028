CREATE TABLE members (
    id bigint PRIMARY KEY,
    handle text NOT NULL CONSTRAINT members_handle_key UNIQUE,
    org_id bigint,
    seat integer,
    CONSTRAINT members_org_seat_key UNIQUE NULLS NOT DISTINCT (org_id, seat) INCLUDE (handle) DEFERRABLE INITIALLY DEFERRED
);
COMMENT ON CONSTRAINT members_handle_key ON members IS 'handles are public URLs';
