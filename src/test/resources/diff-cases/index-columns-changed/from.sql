CREATE TABLE public.messages (id bigint PRIMARY KEY, room_id integer NOT NULL, sent_at timestamptz NOT NULL);
CREATE INDEX messages_room_idx ON public.messages (room_id);
