package io.automigrate.catalog;

/**
 * A trigger on a table or view. {@code definition} from {@code pg_get_triggerdef} ({@code CREATE [CONSTRAINT]
 * TRIGGER ...}); {@code enabled} is {@code pg_trigger.tgenabled}: 'O' origin (default), 'D' disabled,
 * 'R' replica, 'A' always.
 */
public record Trigger(String schema, String table, String name, String definition, boolean constraintTrigger,
                      char enabled, String comment) {
    public QualifiedName tableName() {
        return new QualifiedName(schema, table);
    }

    public ObjectRef ref() {
        return ObjectRef.member(ObjectKind.TRIGGER, tableName(), name);
    }
}
