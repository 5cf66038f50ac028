package io.automigrate.catalog;

/**
 * A rewrite rule made with {@code CREATE RULE} on a table or view (a view's own {@code _RETURN} rule is the view).
 * {@code definition} from {@code pg_get_ruledef} ({@code CREATE RULE ... AS ON ... DO ...;}); {@code enabled} is
 * {@code pg_rewrite.ev_enabled}: 'O' origin (default), 'D' disabled, 'R' replica, 'A' always.
 */
public record Rule(String schema, String table, String name, String definition, char enabled, String comment) {
    public QualifiedName tableName() {
        return new QualifiedName(schema, table);
    }

    public ObjectRef ref() {
        return ObjectRef.member(ObjectKind.RULE, tableName(), name);
    }
}
