package io.automigrate.catalog;

import java.util.Comparator;
import java.util.List;

/**
 * What the server a catalog was read on says about types, rather than the schema: its version
 * ({@code server_version_num}, 0 when unknown), its casts ({@code pg_cast}, built-in, extensions' and the user's) and
 * its string types (type category {@code S}, to which every type converts and from which every type is read). Names
 * are {@code format_type} names without modifiers, as columns name their types. Not part of the schema: left out
 * when catalogs are compared ({@link Catalog#normalized()}).
 */
public record ServerFacts(int version, List<Cast> casts, List<String> stringTypes) {
    public ServerFacts {
        casts = casts.stream().sorted(Comparator.comparing(Cast::source).thenComparing(Cast::target)).toList();
        stringTypes = stringTypes.stream().sorted().toList();
    }

    /** A catalog built without a server (an empty state, a test's records): nothing known. */
    public static ServerFacts none() {
        return new ServerFacts(0, List.of(), List.of());
    }

    public boolean known() {
        return !casts.isEmpty();
    }

    /**
     * One row of {@code pg_cast}: {@code context} is {@code i} (implicit), {@code a} (in assignment) or {@code e}
     * (explicit only).
     */
    public record Cast(String source, String target, char context) {
    }
}
