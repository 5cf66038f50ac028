-- Written by hand (prisma migrate dev --create-only): schema.prisma cannot express a trigger, so automigrate keeps it
-- ("kept: not modelled by schema.prisma") instead of proposing its drop.
CREATE FUNCTION "lowercase_email"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW."email" := lower(NEW."email");
    RETURN NEW;
END
$$;

CREATE TRIGGER "User_lowercase_email" BEFORE INSERT OR UPDATE OF "email" ON "User"
    FOR EACH ROW EXECUTE FUNCTION "lowercase_email"();
