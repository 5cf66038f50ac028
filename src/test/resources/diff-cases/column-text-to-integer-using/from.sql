CREATE TABLE public.legacy_import (id integer PRIMARY KEY, quantity text);
