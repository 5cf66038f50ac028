package io.automigrate.catalog;

/**
 * An object of a kind automigrate reads but does not generate DDL for (extended statistics, publications, event
 * triggers, aggregates, operators, casts, text search objects, foreign-data wrappers and servers, default
 * privileges, ...). It is read so that a difference in such objects is never silent: plan refuses to call two
 * schemas equal, and says which objects it cannot migrate, instead of reporting "no changes".
 *
 * @param kind       what it is, as a user would name it ({@code statistics}, {@code publication}, ...)
 * @param identity   its name, schema-qualified where the kind lives in a schema, with argument types where needed
 * @param definition everything compared about it, printed from the catalog; a statement when PostgreSQL can print
 *                   one ({@code CREATE STATISTICS ...})
 * @param privilege  true for default privileges: compared only where privileges are (see {@link Catalog#withoutGrants})
 */
public record UnmanagedObject(String kind, String identity, String definition, boolean privilege)
        implements Comparable<UnmanagedObject> {

    @Override
    public int compareTo(UnmanagedObject other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : identity.compareTo(other.identity);
    }

    /**
     * A kind that belongs to the whole database rather than to a schema (publications, event triggers...): managed
     * platforms create their own, so one the migrations never made is left alone by the drift check.
     */
    public boolean databaseWide() {
        return switch (kind) {
            case "publication", "event trigger", "cast", "foreign-data wrapper", "foreign server", "language",
                 "access method" -> true;
            default -> false;
        };
    }

    /** How messages name it: {@code statistics public.t_ab}. */
    public String describe() {
        return kind + " " + identity;
    }
}
