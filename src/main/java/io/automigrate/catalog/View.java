package io.automigrate.catalog;

import java.util.List;

/**
 * A plain or materialized view. {@code definition} from {@code pg_get_viewdef(oid, true)}; {@code options} are
 * reloptions such as {@code security_invoker=true} or {@code check_option=cascaded}, sorted. {@code withData} is
 * only meaningful for materialized views.
 */
public record View(String schema, String name, boolean materialized, String definition, List<ViewColumn> columns,
                   List<String> options, boolean withData, String comment, List<Grant> grants) {
    public View {
        columns = List.copyOf(columns);
        options = List.copyOf(options);
        grants = List.copyOf(grants);
    }

    /** A view's output column, with its type from {@code format_type}. */
    public record ViewColumn(String name, String type, String comment) {
    }

    public QualifiedName qualifiedName() {
        return new QualifiedName(schema, name);
    }

    public ObjectRef ref() {
        return ObjectRef.of(ObjectKind.VIEW, qualifiedName());
    }
}
