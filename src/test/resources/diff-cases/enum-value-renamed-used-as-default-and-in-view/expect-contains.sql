# No hint names a renamed label: it is a label removed and one added, so the type is swapped.
CREATE TYPE public.post_state AS ENUM ('draft', 'live')
