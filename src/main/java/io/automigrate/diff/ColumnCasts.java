package io.automigrate.diff;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Domain;
import io.automigrate.catalog.EnumType;
import io.automigrate.catalog.ServerFacts;
import io.automigrate.sqltext.Sql;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How {@code ALTER COLUMN ... TYPE} converts a column's values, decided as PostgreSQL decides it (its coercion
 * pathway) from the facts of the server both catalogs were read on: domains stand for their base types, a
 * {@code pg_cast} row allows its context (implicit, assignment, explicit), arrays convert when their elements do,
 * every type converts to a string type in assignment and from one explicitly (I/O conversion). Without a USING
 * clause PostgreSQL asks for an assignment path.
 */
final class ColumnCasts {
    /** What the type change needs. */
    enum Conversion {
        /** PostgreSQL converts the values by itself (an implicit or assignment path): no USING. */
        AUTOMATIC,
        /** Only an explicit cast exists: {@code USING column::new_type}. */
        EXPLICIT,
        /** An enum, whose only conversion is through its labels: {@code USING column::text::new_type}. */
        VIA_TEXT,
        /** No cast at all: only the user can say how the values convert. */
        NONE
    }

    private static final Pattern MODIFIERS = Pattern.compile("\\(\\s*\\d+(\\s*,\\s*-?\\d+)?\\s*\\)");
    private static final Pattern INTERVAL_FIELDS = Pattern.compile("^interval\\s+[a-z ]+?(?=(\\[\\])*$)");
    private static final Set<String> SQL_STRINGS = Set.of("text", "character varying", "character", "name");
    /** PostgreSQL's two array types without array coercion (find_coercion_pathway). */
    private static final Set<String> VECTORS = Set.of("oidvector", "int2vector");

    private final Map<String, Character> casts = new HashMap<>();
    private final Set<String> strings = new HashSet<>();
    private final Map<String, String> domainBases = new HashMap<>();
    private final Set<String> enums = new HashSet<>();
    private final boolean known;

    private ColumnCasts(Catalog from, Catalog to) {
        for (ServerFacts facts : new ServerFacts[] {from.server(), to.server()}) {
            facts.casts().forEach(c -> casts.putIfAbsent(c.source() + ">" + c.target(), c.context()));
            strings.addAll(facts.stringTypes());
        }
        known = !casts.isEmpty();
        Stream.concat(from.domains().stream(), to.domains().stream())
                .forEach(d -> domainBases.putIfAbsent(name(d), base(d.baseType())));
        Stream.concat(from.enums().stream(), to.enums().stream()).map(EnumType::qualifiedName)
                .forEach(n -> enums.add(Sql.qualified(n)));
    }

    /** The facts of both catalogs' servers (the same server where both were read on one). */
    static ColumnCasts of(Catalog from, Catalog to) {
        return new ColumnCasts(from, to);
    }

    Conversion conversion(String fromType, String toType) {
        String from = base(fromType);
        String to = base(toType);
        if (!known) {
            // catalogs built without a server: every type converts to the SQL string types; elsewhere USING is
            // correct wherever any cast exists
            return from.equals(to) || SQL_STRINGS.contains(to) ? Conversion.AUTOMATIC : Conversion.EXPLICIT;
        }
        if (path(from, to, 'a')) return Conversion.AUTOMATIC;
        if (path(from, to, 'e')) return Conversion.EXPLICIT;
        if (isEnum(element(domainBase(from))) || isEnum(element(domainBase(to)))) return Conversion.VIA_TEXT;
        return Conversion.NONE;
    }

    /** Whether PostgreSQL finds a conversion from {@code from} to {@code to} in {@code context} ('a' or 'e'). */
    private boolean path(String from, String to, char context) {
        String source = domainBase(from);
        String target = domainBase(to);
        if (source.equals(target)) return true;
        Character cast = casts.get(source + ">" + target);
        if (cast != null) {
            return cast == 'i' || cast == 'a' || context == 'e';
        }
        if (isArray(source) && isArray(target) && !VECTORS.contains(target)
                && path(element(source), element(target), context)) {
            return true;
        }
        return strings.contains(target) || context == 'e' && strings.contains(source);
    }

    private String domainBase(String type) {
        String current = type;
        for (int depth = 0; depth < 32 && domainBases.containsKey(current); depth++) {
            current = domainBases.get(current);
        }
        return current;
    }

    private boolean isEnum(String type) {
        return enums.contains(type);
    }

    private static boolean isArray(String type) {
        return type.endsWith("[]");
    }

    private static String element(String type) {
        return isArray(type) ? type.substring(0, type.length() - 2) : type;
    }

    private static String name(Domain domain) {
        return Sql.qualified(domain.qualifiedName());
    }

    /** The type without length, precision, scale or interval fields, as pg_cast's rows name it. */
    static String base(String type) {
        String bare = MODIFIERS.matcher(type.trim()).replaceAll("").replaceAll("\\s+", " ").trim()
                .replace(" []", "[]");
        return INTERVAL_FIELDS.matcher(bare).replaceAll("interval");
    }
}
