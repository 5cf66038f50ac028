CREATE EXTENSION pgcrypto;
CREATE SCHEMA blog;
CREATE TYPE blog.visibility AS ENUM ('draft', 'public', 'private');
CREATE TABLE blog.authors (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    handle text NOT NULL UNIQUE,
    password_hash text NOT NULL DEFAULT crypt('changeme', gen_salt('bf'))
);
CREATE TABLE blog.posts (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_id integer NOT NULL REFERENCES blog.authors (id),
    visibility blog.visibility NOT NULL DEFAULT 'draft',
    title text NOT NULL,
    body text,
    published_at timestamptz
);
CREATE INDEX posts_published_idx ON blog.posts (published_at) WHERE visibility = 'public';
CREATE TABLE blog.tags (post_id integer NOT NULL REFERENCES blog.posts (id) ON DELETE CASCADE, tag text NOT NULL, PRIMARY KEY (post_id, tag));
CREATE VIEW blog.public_posts AS SELECT id, title, published_at FROM blog.posts WHERE visibility = 'public';
CREATE FUNCTION blog.post_count(a integer) RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM blog.posts WHERE author_id = a $$;
CREATE FUNCTION blog.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.published_at := coalesce(NEW.published_at, now()); RETURN NEW; END $$;
CREATE TRIGGER posts_touch BEFORE INSERT ON blog.posts FOR EACH ROW EXECUTE FUNCTION blog.touch();
CREATE TABLE public.kv (k text PRIMARY KEY, v text);
