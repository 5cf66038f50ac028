package io.automigrate.inspect;

import io.automigrate.catalog.Dependency;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Dependencies between objects of the catalog, from {@code pg_depend}. */
final class DependencyReader {
    private static final String CATALOGS = "('pg_class'::regclass, 'pg_type'::regclass, 'pg_proc'::regclass,"
            + " 'pg_constraint'::regclass, 'pg_attrdef'::regclass, 'pg_rewrite'::regclass, 'pg_trigger'::regclass,"
            + " 'pg_policy'::regclass, 'pg_namespace'::regclass, 'pg_extension'::regclass,"
            + " 'pg_collation'::regclass)";

    // Objects made after initdb have oids from 16384 (FirstNormalObjectId) on; older rows are the system's own.
    private static final String DEPENDENCIES = "SELECT d.classid::regclass::text AS catalog, d.objid, d.objsubid,"
            + " d.refclassid::regclass::text AS ref_catalog, d.refobjid, d.refobjsubid"
            + " FROM pg_depend d"
            + " WHERE d.deptype IN ('n', 'a') AND d.objid >= 16384"
            + " AND d.classid IN " + CATALOGS + " AND d.refclassid IN " + CATALOGS;

    private DependencyReader() {
    }

    /** Must run after every other reader: it only keeps edges between objects they registered. */
    static List<Dependency> dependencies(CatalogQueries queries, ObjectIds ids) {
        Set<Dependency> edges = new LinkedHashSet<>();
        queries.each("dependencies", DEPENDENCIES, row -> {
            ObjectRef dependent = ids.resolve(row.text("catalog"), row.number("objid"), row.integer("objsubid"));
            ObjectRef referenced = ids.resolve(row.text("ref_catalog"), row.number("refobjid"),
                    row.integer("refobjsubid"));
            if (dependent != null && referenced != null && meaningful(dependent, referenced, ids)) {
                edges.add(new Dependency(dependent, referenced));
            }
        });
        return List.copyOf(edges);
    }

    /**
     * Leaves out edges that say nothing the model does not: an object on itself or on the table it belongs to,
     * a table on its own columns, and a sequence on the column that owns it ({@code Sequence.ownedBy}).
     */
    private static boolean meaningful(ObjectRef dependent, ObjectRef referenced, ObjectIds ids) {
        if (dependent.equals(referenced)) {
            return false;
        }
        if (dependent.kind() == ObjectKind.SEQUENCE && referenced.kind() == ObjectKind.COLUMN) {
            return false;
        }
        QualifiedName relation = ids.relationOf(dependent);
        boolean referencesRelation = referenced.kind() == ObjectKind.TABLE || referenced.kind() == ObjectKind.VIEW;
        if (referencesRelation && referenced.qualifiedName().equals(relation)) {
            return false;
        }
        boolean dependentIsRelation = dependent.kind() == ObjectKind.TABLE || dependent.kind() == ObjectKind.VIEW;
        return !(dependentIsRelation && referenced.kind() == ObjectKind.COLUMN
                && referenced.qualifiedName().equals(dependent.qualifiedName()));
    }
}
