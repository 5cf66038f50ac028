CREATE EXTENSION ltree;
COMMENT ON EXTENSION ltree IS 'Category paths such as electronics.phones';
