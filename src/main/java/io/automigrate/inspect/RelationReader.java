package io.automigrate.inspect;

import io.automigrate.catalog.Column;
import io.automigrate.catalog.ColumnStorage;
import io.automigrate.catalog.Constraint;
import io.automigrate.catalog.ConstraintKind;
import io.automigrate.catalog.Grant;
import io.automigrate.catalog.Identity;
import io.automigrate.catalog.Index;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.catalog.ReplicaIdentity;
import io.automigrate.catalog.Sequence;
import io.automigrate.catalog.SequenceOptions;
import io.automigrate.catalog.Table;
import io.automigrate.catalog.View;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.automigrate.inspect.CatalogSql.IN_SCOPE;
import static io.automigrate.inspect.CatalogSql.collationName;
import static io.automigrate.inspect.CatalogSql.comment;
import static io.automigrate.inspect.CatalogSql.grants;
import static io.automigrate.inspect.CatalogSql.notExtensionMember;

/** Tables with their columns and constraints, sequences, views and indexes. */
final class RelationReader {
    /** One column of a table, view or composite type, as {@code pg_attribute} and its neighbours describe it. */
    record Attribute(long relation, int number, String name, String type, String collation, boolean notNull,
                     Long defaultOid, String defaultExpr, char generated, char identity,
                     SequenceOptions identityOptions, boolean local, String comment, List<Grant> grants,
                     ColumnStorage storage) {
    }

    private static final String NOT_VALID = " NOT VALID";

    private static final String SEQUENCE_OPTIONS = "format_type(s.seqtypid, NULL) AS seq_type, s.seqstart,"
            + " s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle";

    private static final String ATTRIBUTES = "SELECT a.attrelid, a.attnum, a.attname,"
            + " format_type(a.atttypid, a.atttypmod) AS type,"
            + " CASE WHEN a.attcollation <> t.typcollation THEN " + collationName("a.attcollation") + " END AS collation,"
            + " a.attnotnull, ad.oid AS default_oid, pg_get_expr(ad.adbin, ad.adrelid) AS default_expr,"
            + " a.attgenerated, a.attidentity, " + SEQUENCE_OPTIONS + ", a.attislocal,"
            + " CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage::text END AS storage,"
            + " t.typstorage::text AS type_storage,"
            // attcompression exists from PostgreSQL 14, and attstattarget is NULL for the default from 17 (-1 before)
            + " nullif(to_jsonb(a) ->> 'attcompression', '') AS compression,"
            + " CASE WHEN a.attstattarget >= 0 THEN a.attstattarget END AS statistics, "
            + comment("pg_class", "a.attrelid", "a.attnum") + " AS comment, "
            + grants("a.attacl", null, "c.relowner") + " AS grants"
            + " FROM pg_attribute a"
            + " JOIN pg_class c ON c.oid = a.attrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_type t ON t.oid = a.atttypid"
            + " LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
            // an identity column's sequence depends on it internally
            + " LEFT JOIN (pg_depend sd JOIN pg_sequence s ON s.seqrelid = sd.objid)"
            + "   ON a.attidentity <> '' AND sd.classid = 'pg_class'::regclass AND sd.deptype = 'i'"
            + "   AND sd.refclassid = 'pg_class'::regclass AND sd.refobjid = a.attrelid AND sd.refobjsubid = a.attnum"
            + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'c') AND a.attnum > 0 AND NOT a.attisdropped"
            + " AND " + IN_SCOPE + " AND " + notExtensionMember("pg_class", "c.oid")
            + " ORDER BY a.attrelid, a.attnum";

    private static final String TABLES = "SELECT c.oid, c.reltype, rt.typarray, n.nspname, c.relname,"
            + " c.relpersistence = 'u' AS unlogged,"
            + " CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,"
            + " pn.nspname AS parent_schema, pc.relname AS parent_name,"
            + " CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,"
            + " ARRAY(SELECT ARRAY[hn.nspname::text, hc.relname::text] FROM pg_inherits h"
            + "   JOIN pg_class hc ON hc.oid = h.inhparent JOIN pg_namespace hn ON hn.oid = hc.relnamespace"
            + "   WHERE h.inhrelid = c.oid AND NOT c.relispartition ORDER BY h.inhseqno) AS inherits,"
            + " c.reloptions, c.relrowsecurity, c.relforcerowsecurity, c.relreplident,"
            + " (SELECT ri.relname FROM pg_index i JOIN pg_class ri ON ri.oid = i.indexrelid"
            + "   WHERE i.indrelid = c.oid AND i.indisreplident) AS replica_index, "
            + comment("pg_class", "c.oid") + " AS comment, "
            + grants("c.relacl", "r", "c.relowner") + " AS grants"
            + " FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_type rt ON rt.oid = c.reltype"
            + " LEFT JOIN pg_inherits pi ON c.relispartition AND pi.inhrelid = c.oid"
            + " LEFT JOIN pg_class pc ON pc.oid = pi.inhparent"
            + " LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace"
            + " WHERE c.relkind IN ('r', 'p') AND " + IN_SCOPE + " AND " + notExtensionMember("pg_class", "c.oid");

    private static final String CONSTRAINTS = "SELECT k.oid, k.conrelid, n.nspname, c.relname, k.conname, k.contype,"
            + " pg_get_constraintdef(k.oid) AS definition,"
            + " k.conkey::int[] AS column_numbers,"
            + " fn.nspname AS referenced_schema, fc.relname AS referenced_name, k.convalidated, k.conislocal,"
            + " CASE WHEN k.contype IN ('p', 'u', 'x') THEN k.conindid END AS index_oid, "
            + comment("pg_constraint", "k.oid") + " AS comment"
            + " FROM pg_constraint k"
            + " JOIN pg_class c ON c.oid = k.conrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_class fc ON fc.oid = k.confrelid"
            + " LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace"
            + " WHERE k.contype IN ('p', 'f', 'u', 'c', 'x') AND c.relkind IN ('r', 'p')"
            + " AND " + IN_SCOPE + " AND " + notExtensionMember("pg_class", "c.oid")
            // a foreign key to a partitioned table gets one hidden copy per referenced partition, on the same table
            + " AND NOT EXISTS (SELECT 1 FROM pg_constraint pk WHERE pk.oid = k.conparentid"
            + "   AND pk.conrelid = k.conrelid)";

    private static final String SEQUENCES = "SELECT c.oid, n.nspname, c.relname, " + SEQUENCE_OPTIONS + ","
            + " on_.nspname AS owner_schema, oc.relname AS owner_table, oa.attname AS owner_column, "
            + comment("pg_class", "c.oid") + " AS comment, "
            + grants("c.relacl", "s", "c.relowner") + " AS grants"
            + " FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_sequence s ON s.seqrelid = c.oid"
            + " LEFT JOIN pg_depend od ON od.classid = 'pg_class'::regclass AND od.objid = c.oid"
            + "   AND od.refclassid = 'pg_class'::regclass AND od.refobjsubid > 0 AND od.deptype = 'a'"
            + " LEFT JOIN pg_class oc ON oc.oid = od.refobjid"
            + " LEFT JOIN pg_namespace on_ ON on_.oid = oc.relnamespace"
            + " LEFT JOIN pg_attribute oa ON oa.attrelid = od.refobjid AND oa.attnum = od.refobjsubid"
            + " WHERE c.relkind = 'S' AND " + IN_SCOPE + " AND " + notExtensionMember("pg_class", "c.oid")
            // identity sequences belong to their column
            + " AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_class'::regclass AND i.objid = c.oid"
            + "   AND i.refclassid = 'pg_class'::regclass AND i.deptype = 'i')";

    private static final String VIEWS = "SELECT c.oid, c.reltype, rt.typarray, n.nspname, c.relname,"
            + " c.relkind = 'm' AS materialized, pg_get_viewdef(c.oid, true) AS definition, c.reloptions,"
            + " c.relispopulated,"
            + " (SELECT r.oid FROM pg_rewrite r WHERE r.ev_class = c.oid AND r.rulename = '_RETURN') AS rule_oid, "
            + comment("pg_class", "c.oid") + " AS comment, "
            + grants("c.relacl", "r", "c.relowner") + " AS grants"
            + " FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_type rt ON rt.oid = c.reltype"
            + " WHERE c.relkind IN ('v', 'm') AND " + IN_SCOPE + " AND " + notExtensionMember("pg_class", "c.oid");

    private static final String INDEXES = "SELECT i.indexrelid, n.nspname, ic.relname AS index_name,"
            + " t.relname AS table_name, pg_get_indexdef(i.indexrelid) AS definition, i.indisunique, "
            + comment("pg_class", "i.indexrelid") + " AS comment,"
            + " pn.nspname AS parent_schema, pc.relname AS parent_name,"
            // only a partitioned table's index is invalid by design (ON ONLY, not yet attached on every partition)
            + " i.indisvalid OR ic.relkind <> 'I' AS valid"
            + " FROM pg_index i"
            + " JOIN pg_class ic ON ic.oid = i.indexrelid"
            + " JOIN pg_class t ON t.oid = i.indrelid"
            + " JOIN pg_namespace n ON n.oid = t.relnamespace"
            + " LEFT JOIN pg_inherits h ON h.inhrelid = i.indexrelid"
            + " LEFT JOIN pg_class pc ON pc.oid = h.inhparent"
            + " LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace"
            + " WHERE t.relkind IN ('r', 'p', 'm') AND " + IN_SCOPE + " AND " + notExtensionMember("pg_class", "t.oid")
            // indexes of a table's own primary key, unique and exclusion constraints are those constraints
            + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid"
            + "   AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))";

    private RelationReader() {
    }

    /** Columns of every table, view and composite type in scope, by relation oid, in attnum order. */
    static Map<Long, List<Attribute>> attributes(CatalogQueries queries, String[] scope) {
        Map<Long, List<Attribute>> byRelation = new LinkedHashMap<>();
        queries.each("columns", ATTRIBUTES, row -> {
            char identity = row.character("attidentity");
            Attribute attribute = new Attribute(row.number("attrelid"), row.integer("attnum"), row.text("attname"),
                    row.text("type"), row.text("collation"), row.bool("attnotnull"),
                    row.optionalNumber("default_oid"), row.text("default_expr"), row.character("attgenerated"),
                    identity, identity == '\0' ? null : sequenceOptions(row), row.bool("attislocal"),
                    row.text("comment"), row.grants("grants"),
                    new ColumnStorage(storageName(row.text("storage")), storageName(row.text("type_storage")),
                            compressionName(row.text("compression")), statistics(row.optionalNumber("statistics"))));
            byRelation.computeIfAbsent(attribute.relation(), k -> new ArrayList<>()).add(attribute);
        }, (Object) scope);
        return byRelation;
    }

    private static Integer statistics(Long target) {
        return target == null ? null : target.intValue();
    }

    private static String storageName(String letter) {
        if (letter == null) return null;
        return switch (letter) {
            case "p" -> "plain";
            case "e" -> "external";
            case "m" -> "main";
            case "x" -> "extended";
            default -> letter;
        };
    }

    private static String compressionName(String letter) {
        if (letter == null) return null;
        return switch (letter) {
            case "p" -> "pglz";
            case "l" -> "lz4";
            default -> letter;
        };
    }

    /** Tables with columns and constraints. */
    static List<Table> tables(CatalogQueries queries, String[] scope, Map<Long, List<Attribute>> attributes,
                              ObjectIds ids) {
        Map<Long, List<Constraint>> constraints = constraints(queries, scope, attributes, ids);
        List<Table> tables = queries.list("tables", TABLES, row -> {
            long oid = row.number("oid");
            QualifiedName name = new QualifiedName(row.text("nspname"), row.text("relname"));
            ObjectRef ref = ObjectRef.of(ObjectKind.TABLE, name);
            ids.add(ObjectIds.CLASS, oid, ref);
            ids.add(ObjectIds.TYPE, row.number("reltype"), ref);
            ids.add(ObjectIds.TYPE, row.number("typarray"), ref);
            List<Column> columns = new ArrayList<>();
            for (Attribute a : attributes.getOrDefault(oid, List.of())) {
                ObjectRef column = ObjectRef.member(ObjectKind.COLUMN, name, a.name());
                ids.addColumn(oid, a.number(), a.name());
                if (a.defaultOid() != null) {
                    ids.add(ObjectIds.ATTRDEF, a.defaultOid(), column);
                }
                columns.add(column(a));
            }
            List<QualifiedName> inherits = row.rows("inherits").stream()
                    .map(p -> new QualifiedName(p.get(0), p.get(1))).toList();
            List<Constraint> ownConstraints = new ArrayList<>(constraints.getOrDefault(oid, List.of()));
            ownConstraints.sort(Comparator.comparing(Constraint::name));
            return new Table(name.schema(), name.name(), row.bool("unlogged"), row.text("partition_key"),
                    row.name("parent_schema", "parent_name"), row.text("partition_bound"), inherits,
                    sortedTexts(row, "reloptions"), columns, ownConstraints, row.bool("relrowsecurity"),
                    row.bool("relforcerowsecurity"), row.text("comment"), row.grants("grants"),
                    ReplicaIdentity.of(row.character("relreplident"), row.text("replica_index")));
        }, (Object) scope);
        return withPartitionIdentities(tables);
    }

    /**
     * Since PostgreSQL 17 a partition's identity column uses its partitioned table's sequence and has none of its
     * own: it gets the options of the root's column.
     */
    private static List<Table> withPartitionIdentities(List<Table> tables) {
        Map<QualifiedName, Table> byName = new HashMap<>();
        tables.forEach(t -> byName.put(t.qualifiedName(), t));
        return tables.stream().map(t -> {
            if (t.partitionOf() == null || t.columns().stream().noneMatch(RelationReader::lacksIdentityOptions)) {
                return t;
            }
            List<Column> columns = t.columns().stream().map(c -> lacksIdentityOptions(c)
                    ? new Column(c.name(), c.type(), c.collation(), c.notNull(), c.defaultExpr(),
                            new Identity(c.identity().always(), rootIdentityOptions(byName, t, c.name())),
                            c.generatedExpr(), c.local(), c.comment(), c.grants(), c.storage())
                    : c).toList();
            return new Table(t.schema(), t.name(), t.unlogged(), t.partitionKey(), t.partitionOf(),
                    t.partitionBound(), t.inherits(), t.options(), columns, t.constraints(), t.rowSecurity(),
                    t.forceRowSecurity(), t.comment(), t.grants(), t.replicaIdentity());
        }).toList();
    }

    private static boolean lacksIdentityOptions(Column column) {
        return column.identity() != null && column.identity().options() == null;
    }

    private static SequenceOptions rootIdentityOptions(Map<QualifiedName, Table> byName, Table table, String column) {
        Table parent = table.partitionOf() == null ? null : byName.get(table.partitionOf());
        if (parent == null) {
            return null;
        }
        Identity identity = parent.column(column).map(Column::identity).orElse(null);
        return identity != null && identity.options() != null ? identity.options()
                : rootIdentityOptions(byName, parent, column);
    }

    private static Column column(Attribute a) {
        boolean generated = a.generated() != '\0';
        Identity identity = a.identity() == '\0' ? null : new Identity(a.identity() == 'a', a.identityOptions());
        return new Column(a.name(), a.type(), a.collation(), a.notNull(), generated ? null : a.defaultExpr(),
                identity, generated ? a.defaultExpr() : null, a.local(), a.comment(), a.grants(), a.storage());
    }

    private static Map<Long, List<Constraint>> constraints(CatalogQueries queries, String[] scope,
                                                           Map<Long, List<Attribute>> attributes, ObjectIds ids) {
        Map<Long, List<Constraint>> byTable = new HashMap<>();
        queries.each("constraints", CONSTRAINTS, row -> {
            Constraint constraint = new Constraint(row.text("conname"), kind(row.character("contype")),
                    withoutNotValid(row.text("definition")),
                    columnNames(attributes.getOrDefault(row.number("conrelid"), List.of()), row.integers("column_numbers")),
                    row.name("referenced_schema", "referenced_name"),
                    row.bool("convalidated"), row.bool("conislocal"), row.text("comment"));
            ObjectRef ref = ObjectRef.member(ObjectKind.CONSTRAINT,
                    new QualifiedName(row.text("nspname"), row.text("relname")), constraint.name());
            ids.add(ObjectIds.CONSTRAINT, row.number("oid"), ref);
            Long index = row.optionalNumber("index_oid");
            if (index != null) {
                // a foreign key depends on the referenced key's index: that index is this constraint
                ids.add(ObjectIds.CLASS, index, ref);
            }
            byTable.computeIfAbsent(row.number("conrelid"), k -> new ArrayList<>()).add(constraint);
        }, (Object) scope);
        return byTable;
    }

    /** Names of a table's columns by attnum, in the order of {@code numbers}. */
    private static List<String> columnNames(List<Attribute> columns, List<Integer> numbers) {
        Map<Integer, String> byNumber = new HashMap<>();
        columns.forEach(a -> byNumber.put(a.number(), a.name()));
        // system columns (negative attnums) a CHECK may mention are not part of the model
        return numbers.stream().map(byNumber::get).filter(Objects::nonNull).toList();
    }

    static String withoutNotValid(String definition) {
        return definition.endsWith(NOT_VALID) ? definition.substring(0, definition.length() - NOT_VALID.length())
                : definition;
    }

    /** Free-standing and serial sequences (identity sequences are their column's). */
    static List<Sequence> sequences(CatalogQueries queries, String[] scope, ObjectIds ids) {
        return queries.list("sequences", SEQUENCES, row -> {
            QualifiedName owner = row.name("owner_schema", "owner_table");
            ObjectRef ownedBy = owner == null ? null
                    : ObjectRef.member(ObjectKind.COLUMN, owner, row.text("owner_column"));
            Sequence sequence = new Sequence(row.text("nspname"), row.text("relname"), sequenceOptions(row), ownedBy,
                    row.text("comment"), row.grants("grants"));
            ids.add(ObjectIds.CLASS, row.number("oid"), sequence.ref());
            return sequence;
        }, (Object) scope);
    }

    /** Plain and materialized views with their output columns. */
    static List<View> views(CatalogQueries queries, String[] scope, Map<Long, List<Attribute>> attributes,
                            ObjectIds ids) {
        return queries.list("views", VIEWS, row -> {
            long oid = row.number("oid");
            List<View.ViewColumn> columns = attributes.getOrDefault(oid, List.of()).stream()
                    .map(a -> new View.ViewColumn(a.name(), a.type(), a.comment())).toList();
            View view = new View(row.text("nspname"), row.text("relname"), row.bool("materialized"),
                    row.text("definition"), columns, sortedTexts(row, "reloptions"), row.bool("relispopulated"),
                    row.text("comment"), row.grants("grants"));
            ids.add(ObjectIds.CLASS, oid, view.ref());
            ids.add(ObjectIds.TYPE, row.number("reltype"), view.ref());
            ids.add(ObjectIds.TYPE, row.number("typarray"), view.ref());
            ids.add(ObjectIds.REWRITE, row.number("rule_oid"), view.ref());
            return view;
        }, (Object) scope);
    }

    /** Indexes that are not a constraint's, with the partitioned parent's index each is attached to. */
    static List<Index> indexes(CatalogQueries queries, String[] scope, ObjectIds ids) {
        return queries.list("indexes", INDEXES, row -> {
            String schema = row.text("nspname");
            Index index = new Index(schema, row.text("index_name"), new QualifiedName(schema, row.text("table_name")),
                    row.text("definition"), row.bool("indisunique"), row.text("comment"),
                    row.name("parent_schema", "parent_name"), row.bool("valid"));
            ids.addIndex(row.number("indexrelid"), index.ref(), index.table());
            return index;
        }, (Object) scope);
    }

    static SequenceOptions sequenceOptions(Row row) throws SQLException {
        String type = row.text("seq_type");
        return type == null ? null : new SequenceOptions(type, row.number("seqstart"), row.number("seqincrement"),
                row.number("seqmin"), row.number("seqmax"), row.number("seqcache"), row.bool("seqcycle"));
    }

    static List<String> sortedTexts(Row row, String column) throws SQLException {
        List<String> texts = new ArrayList<>(row.texts(column));
        texts.sort(Comparator.naturalOrder());
        return texts;
    }

    private static ConstraintKind kind(char contype) {
        return switch (contype) {
            case 'p' -> ConstraintKind.PRIMARY_KEY;
            case 'f' -> ConstraintKind.FOREIGN_KEY;
            case 'u' -> ConstraintKind.UNIQUE;
            case 'c' -> ConstraintKind.CHECK;
            case 'x' -> ConstraintKind.EXCLUSION;
            default -> throw new IllegalStateException("unexpected constraint type " + contype);
        };
    }
}
