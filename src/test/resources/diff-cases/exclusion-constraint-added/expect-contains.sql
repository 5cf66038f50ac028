ADD CONSTRAINT reservations_no_overlap EXCLUDE USING gist
