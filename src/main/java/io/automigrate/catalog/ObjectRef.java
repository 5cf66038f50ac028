package io.automigrate.catalog;

import java.util.Comparator;
import java.util.Objects;

/**
 * Identity of a catalog object, used in dependencies and changes.
 *
 * <ul>
 *   <li>SCHEMA, EXTENSION: {@code name} only ({@code schema} is empty)</li>
 *   <li>TYPE, SEQUENCE, TABLE, INDEX, VIEW: {@code schema}, {@code name}</li>
 *   <li>COLUMN, CONSTRAINT, TRIGGER, POLICY: {@code schema}, {@code name} = table (or domain), {@code member} = the column,
 *       constraint, trigger or policy name</li>
 *   <li>ROUTINE: {@code schema}, {@code name}, {@code member} = identity arguments, e.g. {@code "integer, text"}</li>
 * </ul>
 */
public record ObjectRef(ObjectKind kind, String schema, String name, String member) implements Comparable<ObjectRef> {
    private static final Comparator<ObjectRef> ORDER = Comparator.comparing(ObjectRef::kind)
            .thenComparing(ObjectRef::schema)
            .thenComparing(ObjectRef::name)
            .thenComparing(ObjectRef::member);

    public ObjectRef {
        Objects.requireNonNull(kind, "kind");
        schema = schema == null ? "" : schema;
        Objects.requireNonNull(name, "name");
        member = member == null ? "" : member;
    }

    public static ObjectRef schema(String name) {
        return new ObjectRef(ObjectKind.SCHEMA, "", name, "");
    }

    public static ObjectRef extension(String name) {
        return new ObjectRef(ObjectKind.EXTENSION, "", name, "");
    }

    public static ObjectRef of(ObjectKind kind, QualifiedName name) {
        return new ObjectRef(kind, name.schema(), name.name(), "");
    }

    public static ObjectRef member(ObjectKind kind, QualifiedName parent, String member) {
        return new ObjectRef(kind, parent.schema(), parent.name(), member);
    }

    /** The table/view/type/routine this ref names or belongs to. */
    public QualifiedName qualifiedName() {
        return new QualifiedName(schema, name);
    }

    @Override
    public int compareTo(ObjectRef other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        String base = schema.isEmpty() ? name : schema + "." + name;
        return kind.name().toLowerCase() + " " + (member.isEmpty() ? base
                : kind == ObjectKind.ROUTINE ? base + "(" + member + ")" : base + "." + member);
    }
}
