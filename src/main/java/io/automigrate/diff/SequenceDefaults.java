package io.automigrate.diff;

import io.automigrate.catalog.SequenceOptions;

/**
 * The values PostgreSQL gives sequence options that are not written, by data type and direction: a diff ignores
 * a difference between "default" and "the same value written out", and DDL writes only what differs.
 */
public final class SequenceDefaults {
    private SequenceDefaults() {
    }

    public static long typeMin(String dataType) {
        return switch (dataType) {
            case "smallint" -> Short.MIN_VALUE;
            case "integer" -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
    }

    public static long typeMax(String dataType) {
        return switch (dataType) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    public static long min(String dataType, long increment) {
        return increment > 0 ? 1 : typeMin(dataType);
    }

    public static long max(String dataType, long increment) {
        return increment > 0 ? typeMax(dataType) : -1;
    }

    public static boolean defaultMin(SequenceOptions o) {
        return o.min() == min(o.dataType(), o.increment());
    }

    public static boolean defaultMax(SequenceOptions o) {
        return o.max() == max(o.dataType(), o.increment());
    }

    public static boolean defaultStart(SequenceOptions o) {
        return o.start() == (o.increment() > 0 ? o.min() : o.max());
    }

    /** Options with every value that is its default for the type replaced by a marker, for comparing. */
    static SequenceOptions comparable(SequenceOptions o, boolean ignoreDataType) {
        long marker = Long.MIN_VALUE;
        return new SequenceOptions(ignoreDataType ? "" : o.dataType(), defaultStart(o) ? marker : o.start(),
                o.increment(), defaultMin(o) ? marker : o.min(), defaultMax(o) ? marker : o.max(), o.cache(),
                o.cycle());
    }
}
