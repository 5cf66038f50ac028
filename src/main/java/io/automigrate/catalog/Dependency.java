package io.automigrate.catalog;

/** {@code dependent} cannot exist without {@code referenced} (from {@code pg_depend}). */
public record Dependency(ObjectRef dependent, ObjectRef referenced) implements Comparable<Dependency> {
    @Override
    public int compareTo(Dependency other) {
        int c = dependent.compareTo(other.dependent);
        return c != 0 ? c : referenced.compareTo(other.referenced);
    }
}
