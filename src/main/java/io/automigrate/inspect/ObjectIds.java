package io.automigrate.inspect;

import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;

import java.util.HashMap;
import java.util.Map;

/**
 * What each catalog row read so far is in the model: {@code (catalog, oid[, sub-id])} → {@link ObjectRef}.
 * Filled by the readers, used to turn {@code pg_depend} rows into dependencies between objects of the catalog.
 */
final class ObjectIds {
    static final String CLASS = "pg_class";
    static final String TYPE = "pg_type";
    static final String PROC = "pg_proc";
    static final String CONSTRAINT = "pg_constraint";
    static final String ATTRDEF = "pg_attrdef";
    static final String REWRITE = "pg_rewrite";
    static final String TRIGGER = "pg_trigger";
    static final String POLICY = "pg_policy";
    static final String NAMESPACE = "pg_namespace";
    static final String EXTENSION = "pg_extension";
    static final String COLLATION = "pg_collation";

    private final Map<String, Map<Long, ObjectRef>> refs = new HashMap<>();
    private final Map<Long, Map<Integer, String>> tableColumns = new HashMap<>();
    private final Map<ObjectRef, QualifiedName> indexTables = new HashMap<>();

    void add(String catalog, long oid, ObjectRef ref) {
        if (oid != 0) {
            refs.computeIfAbsent(catalog, k -> new HashMap<>()).put(oid, ref);
        }
    }

    /** A table column, so that {@code pg_class} sub-ids of the table resolve to it. */
    void addColumn(long tableOid, int attnum, String name) {
        tableColumns.computeIfAbsent(tableOid, k -> new HashMap<>()).put(attnum, name);
    }

    void addIndex(long oid, ObjectRef index, QualifiedName table) {
        add(CLASS, oid, index);
        indexTables.put(index, table);
    }

    /**
     * The object a {@code pg_depend} side names, or null when it is not in the catalog. A column of a table is a
     * COLUMN; a column of anything else (view, composite type) stands for that whole object.
     */
    ObjectRef resolve(String catalog, long oid, int subId) {
        ObjectRef ref = refs.getOrDefault(catalog, Map.of()).get(oid);
        if (ref == null || subId <= 0 || !catalog.equals(CLASS) || ref.kind() != ObjectKind.TABLE) {
            return ref;
        }
        String column = tableColumns.getOrDefault(oid, Map.of()).get(subId);
        return column == null ? null : ObjectRef.member(ObjectKind.COLUMN, ref.qualifiedName(), column);
    }

    /** The table or view an object belongs to (itself for a table or view), or null. */
    QualifiedName relationOf(ObjectRef ref) {
        return switch (ref.kind()) {
            case TABLE, VIEW, COLUMN, CONSTRAINT, TRIGGER, RULE, POLICY -> ref.qualifiedName();
            case INDEX -> indexTables.get(ref);
            default -> null;
        };
    }
}
