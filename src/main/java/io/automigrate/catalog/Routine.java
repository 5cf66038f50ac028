package io.automigrate.catalog;

import java.util.List;

/**
 * A function or procedure. {@code identityArguments} from {@code pg_get_function_identity_arguments} tells
 * overloads apart; {@code arguments} ({@code pg_get_function_arguments}, with names and defaults) and
 * {@code result} ({@code pg_get_function_result}) decide whether {@code CREATE OR REPLACE} can change it;
 * {@code definition} is the full {@code CREATE OR REPLACE ...} text from {@code pg_get_functiondef}.
 */
public record Routine(String schema, String name, RoutineKind kind, String identityArguments, String arguments,
                      String result, String definition, String comment, List<Grant> grants) {
    public Routine {
        grants = List.copyOf(grants);
    }

    public QualifiedName qualifiedName() {
        return new QualifiedName(schema, name);
    }

    public ObjectRef ref() {
        return new ObjectRef(ObjectKind.ROUTINE, schema, name, identityArguments);
    }
}
