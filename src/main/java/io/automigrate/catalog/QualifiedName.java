package io.automigrate.catalog;

import java.util.Comparator;
import java.util.Objects;

/** A schema-qualified object name, unquoted as PostgreSQL stores it. */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {
    private static final Comparator<QualifiedName> ORDER =
            Comparator.comparing(QualifiedName::schema).thenComparing(QualifiedName::name);

    public QualifiedName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    public static QualifiedName of(String schema, String name) {
        return new QualifiedName(schema, name);
    }

    @Override
    public int compareTo(QualifiedName other) {
        return ORDER.compare(this, other);
    }

    /** Human-readable, unquoted; for messages only. SQL goes through {@code io.automigrate.sqltext.Sql}. */
    @Override
    public String toString() {
        return schema + "." + name;
    }
}
