package io.automigrate.catalog;

/**
 * A table's replica identity ({@code pg_class.relreplident}): what logical decoding writes as the old row of an
 * UPDATE or DELETE. {@code index} names the index (in the table's schema) for {@link Mode#USING_INDEX}, else null.
 */
public record ReplicaIdentity(Mode mode, String index) {
    public static final ReplicaIdentity DEFAULT = new ReplicaIdentity(Mode.DEFAULT, null);

    public enum Mode {
        DEFAULT, FULL, NOTHING, USING_INDEX
    }

    public ReplicaIdentity {
        if ((mode == Mode.USING_INDEX) != (index != null)) {
            throw new IllegalArgumentException("an index name goes with USING INDEX only: " + mode + " " + index);
        }
    }

    /** From {@code relreplident} and the name of the index marked {@code indisreplident} (null when none). */
    public static ReplicaIdentity of(char relreplident, String index) {
        return switch (relreplident) {
            case 'f' -> new ReplicaIdentity(Mode.FULL, null);
            case 'n' -> new ReplicaIdentity(Mode.NOTHING, null);
            // 'i' whose index was dropped behaves as NOTHING (the documented behaviour)
            case 'i' -> index == null ? new ReplicaIdentity(Mode.NOTHING, null)
                    : new ReplicaIdentity(Mode.USING_INDEX, index);
            default -> DEFAULT;
        };
    }

    public boolean usesIndex(String name) {
        return mode == Mode.USING_INDEX && index.equals(name);
    }
}
