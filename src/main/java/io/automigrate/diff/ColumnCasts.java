package io.automigrate.diff;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether {@code ALTER COLUMN ... TYPE} needs {@code USING col::type}: PostgreSQL converts the column's values
 * without one only through an implicit or assignment cast (pg_cast's castcontext 'i' or 'a'), and every type has
 * an assignment cast to the string types (automatic I/O conversion). Pairs not known here get USING, which is always
 * correct where any cast exists.
 */
final class ColumnCasts {
    private static final Pattern MODIFIERS = Pattern.compile("\\(\\s*\\d+(\\s*,\\s*-?\\d+)?\\s*\\)");
    private static final Set<String> STRINGS = Set.of("text", "character varying", "character", "name");
    /** Groups within which every pair of types has an implicit or assignment cast, both ways. */
    private static final List<Set<String>> ASSIGNABLE = List.of(
            Set.of("smallint", "integer", "bigint", "numeric", "real", "double precision"),
            Set.of("date", "timestamp without time zone", "timestamp with time zone"),
            Set.of("time without time zone", "time with time zone"),
            Set.of("bit", "bit varying"),
            Set.of("inet", "cidr"));
    /** Assignment casts in one direction only, as "from>to". */
    private static final Set<String> ONE_WAY = Set.of(
            "timestamp without time zone>time without time zone", "timestamp with time zone>time without time zone",
            "timestamp with time zone>time with time zone", "time without time zone>interval",
            "interval>time without time zone", "json>jsonb", "jsonb>json");

    private ColumnCasts() {
    }

    /** Whether {@code type} is one of the string types, to which every type converts. */
    static boolean isString(String type) {
        return STRINGS.contains(base(type));
    }

    static boolean needsUsing(String fromType, String toType) {
        String from = base(fromType);
        String to = base(toType);
        if (from.equals(to) || STRINGS.contains(to)) {
            return false;
        }
        boolean fromArray = from.endsWith("[]");
        boolean toArray = to.endsWith("[]");
        if (fromArray || toArray) {
            return !(fromArray && toArray) || needsUsing(element(from), element(to));
        }
        return !ONE_WAY.contains(from + ">" + to)
                && ASSIGNABLE.stream().noneMatch(group -> group.contains(from) && group.contains(to));
    }

    /** The type without length, precision or scale modifiers. */
    private static String base(String type) {
        return MODIFIERS.matcher(type.trim()).replaceAll("").replaceAll("\\s+", " ").trim();
    }

    private static String element(String arrayType) {
        return arrayType.substring(0, arrayType.length() - 2);
    }
}
