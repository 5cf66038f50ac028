package io.automigrate.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A table. {@code partitionKey} from {@code pg_get_partkeydef} for partitioned tables, else null;
 * {@code partitionOf} and {@code partitionBound} (e.g. {@code FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')},
 * from {@code pg_get_expr(relpartbound)}) for partitions; {@code inherits} lists plain-inheritance parents in order.
 * {@code columns} are in {@code attnum} order; column order is not compared (see {@link Catalog#normalized()}).
 * {@code options} are storage parameters such as {@code fillfactor=70}, sorted. {@code replicaIdentity} is
 * {@code REPLICA IDENTITY} ({@link ReplicaIdentity#DEFAULT} unless set).
 */
public record Table(String schema, String name, boolean unlogged, String partitionKey, QualifiedName partitionOf,
                    String partitionBound, List<QualifiedName> inherits, List<String> options, List<Column> columns,
                    List<Constraint> constraints, boolean rowSecurity, boolean forceRowSecurity, String comment,
                    List<Grant> grants, ReplicaIdentity replicaIdentity) {
    public Table {
        replicaIdentity = replicaIdentity == null ? ReplicaIdentity.DEFAULT : replicaIdentity;
        inherits = List.copyOf(inherits);
        options = List.copyOf(options);
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        grants = List.copyOf(grants);
    }

    public QualifiedName qualifiedName() {
        return new QualifiedName(schema, name);
    }

    public ObjectRef ref() {
        return ObjectRef.of(ObjectKind.TABLE, qualifiedName());
    }

    public boolean partitioned() {
        return partitionKey != null;
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Optional<Constraint> constraint(String constraintName) {
        return constraints.stream().filter(c -> c.name().equals(constraintName)).findFirst();
    }
}
