-- status_not_null makes the check's first name (status_not_null_not_null) differ from the column: no clash expected;
-- the constraint below takes email_not_null, so the check for email must pick another name.
CREATE TABLE accounts (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    region text NOT NULL,
    status_not_null text NOT NULL,
    CONSTRAINT email_not_null CHECK (email LIKE '%@%')
);
