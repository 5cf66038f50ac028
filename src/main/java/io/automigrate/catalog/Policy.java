package io.automigrate.catalog;

import java.util.List;

/**
 * A row-level security policy. {@code command} is ALL, SELECT, INSERT, UPDATE or DELETE; {@code roles} sorted,
 * {@code PUBLIC} for everyone; {@code using} and {@code withCheck} as {@code pg_get_expr} prints them, or null.
 */
public record Policy(String schema, String table, String name, boolean permissive, String command,
                     List<String> roles, String using, String withCheck, String comment) {
    public Policy {
        roles = List.copyOf(roles);
    }

    public QualifiedName tableName() {
        return new QualifiedName(schema, table);
    }

    public ObjectRef ref() {
        return ObjectRef.member(ObjectKind.POLICY, tableName(), name);
    }
}
