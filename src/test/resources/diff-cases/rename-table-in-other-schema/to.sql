CREATE SCHEMA hr;
CREATE TABLE hr.employees ( -- automigrate:renamed-from staff
    id integer PRIMARY KEY,
    name text NOT NULL
);
