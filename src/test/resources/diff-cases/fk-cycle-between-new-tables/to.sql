CREATE TABLE public.departments (
    id integer PRIMARY KEY,
    name text NOT NULL,
    manager_id integer
);
CREATE TABLE public.employees (
    id integer PRIMARY KEY,
    name text NOT NULL,
    department_id integer NOT NULL REFERENCES public.departments (id)
);
ALTER TABLE public.departments
    ADD CONSTRAINT departments_manager_fk FOREIGN KEY (manager_id) REFERENCES public.employees (id);
