package io.automigrate.sql;

import io.automigrate.catalog.Collation;
import io.automigrate.catalog.Column;
import io.automigrate.catalog.ColumnStorage;
import io.automigrate.catalog.Constraint;
import io.automigrate.catalog.Extension;
import io.automigrate.catalog.Grant;
import io.automigrate.catalog.Identity;
import io.automigrate.catalog.Index;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.catalog.ReplicaIdentity;
import io.automigrate.catalog.Schema;
import io.automigrate.catalog.Sequence;
import io.automigrate.catalog.SequenceOptions;
import io.automigrate.catalog.Table;
import io.automigrate.diff.Change;
import io.automigrate.diff.ChangeAction;
import io.automigrate.diff.SequenceDefaults;
import io.automigrate.diff.TableChanges;
import io.automigrate.diff.TableChanges.AlterColumnDefault;
import io.automigrate.diff.TableChanges.AlterColumnExpression;
import io.automigrate.diff.TableChanges.AlterColumnIdentity;
import io.automigrate.diff.TableChanges.AlterColumnNotNull;
import io.automigrate.diff.TableChanges.AlterColumnType;
import io.automigrate.diff.TableChanges.AlterComment;
import io.automigrate.diff.TableChanges.AlterConstraintValidation;
import io.automigrate.diff.TableChanges.AlterExtensionVersion;
import io.automigrate.diff.TableChanges.AlterGrant;
import io.automigrate.diff.TableChanges.AlterPartitionAttachment;
import io.automigrate.diff.TableChanges.AlterRowSecurity;
import io.automigrate.diff.TableChanges.AlterSequence;
import io.automigrate.diff.TableChanges.AlterSequenceOwner;
import io.automigrate.diff.TableChanges.AlterTableInheritance;
import io.automigrate.diff.TableChanges.AlterTableLogged;
import io.automigrate.diff.TableChanges.AlterTableStorage;
import io.automigrate.diff.TableChanges.CreateColumn;
import io.automigrate.diff.TableChanges.CreateConstraint;
import io.automigrate.diff.TableChanges.CreateExtension;
import io.automigrate.diff.TableChanges.CreateIndex;
import io.automigrate.diff.TableChanges.CreateSchema;
import io.automigrate.diff.TableChanges.CreateSequence;
import io.automigrate.diff.TableChanges.CreateTable;
import io.automigrate.diff.TableChanges.DropColumn;
import io.automigrate.diff.TableChanges.DropConstraint;
import io.automigrate.diff.TableChanges.DropExtension;
import io.automigrate.diff.TableChanges.DropIndex;
import io.automigrate.diff.TableChanges.DropSchema;
import io.automigrate.diff.TableChanges.DropSequence;
import io.automigrate.diff.TableChanges.DropTable;
import io.automigrate.diff.TableChanges.RenameColumn;
import io.automigrate.diff.TableChanges.RenameTable;
import io.automigrate.sqltext.Sql;
import io.automigrate.diff.TableChanges;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Renders the changes of {@link io.automigrate.diff.TableObjects} as plain, pg_dump-like DDL. One method per change
 * type, so a render option can later switch a change to its online form (CONCURRENTLY, NOT VALID + VALIDATE).
 */
final class TableSql {
    private static final Set<String> PRIVILEGES = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE",
            "REFERENCES", "TRIGGER", "USAGE", "CREATE", "EXECUTE", "MAINTAIN");
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9_.+-]+");
    private static final String INDENT = "    ";

    static List<Statement> render(CreateSchema c) {
        List<String> sql = new ArrayList<>();
        schema(false, c.schema(), sql);
        return statements(sql);
    }

    static List<Statement> render(DropSchema c) {
        List<String> sql = new ArrayList<>();
        schema(true, c.schema(), sql);
        return statements(sql);
    }

    static List<Statement> render(CreateExtension c) {
        List<String> sql = new ArrayList<>();
        extension(false, c.extension(), sql);
        return statements(sql);
    }

    static List<Statement> render(DropExtension c) {
        List<String> sql = new ArrayList<>();
        extension(true, c.extension(), sql);
        return statements(sql);
    }

    static List<Statement> render(AlterExtensionVersion c) {
        List<String> sql = new ArrayList<>();
        sql.add("ALTER EXTENSION " + Sql.ident(c.name()) + " UPDATE TO " + Sql.literal(c.after()) + ";");
        return statements(sql);
    }

    static List<Statement> render(CreateSequence c) {
        List<String> sql = new ArrayList<>();
        sequence(false, c.sequence(), sql);
        return statements(sql);
    }

    static List<Statement> render(DropSequence c) {
        List<String> sql = new ArrayList<>();
        sequence(true, c.sequence(), sql);
        return statements(sql);
    }

    static List<Statement> render(AlterSequence c) {
        List<String> sql = new ArrayList<>();
        sql.add(alterSequence(c));
        return statements(sql);
    }

    static List<Statement> render(AlterSequenceOwner c) {
        List<String> sql = new ArrayList<>();
        sql.add("ALTER SEQUENCE " + Sql.qualified(c.name()) + " OWNED BY "
                + (c.after() == null ? "NONE" : columnName(c.after())) + ";");
        return statements(sql);
    }

    static List<Statement> render(CreateTable c) {
        List<String> sql = new ArrayList<>();
        table(false, c.table(), sql);
        return statements(sql);
    }

    static List<Statement> render(DropTable c) {
        List<String> sql = new ArrayList<>();
        table(true, c.table(), sql);
        return statements(sql);
    }

    static List<Statement> render(RenameTable c) {
        List<String> sql = new ArrayList<>();
        sql.add(alter(c.from()) + "RENAME TO " + Sql.ident(c.to().name()) + ";");
        return statements(sql);
    }

    static List<Statement> render(AlterTableLogged c) {
        List<String> sql = new ArrayList<>();
        sql.add(alter(c.table()) + (c.unloggedAfter() ? "SET UNLOGGED;" : "SET LOGGED;"));
        return statements(sql);
    }

    static List<Statement> render(AlterTableStorage c) {
        List<String> sql = new ArrayList<>();
        storage(c, sql);
        return statements(sql);
    }

    /**
     * Attaching: each new index created, then attached. The other way (PostgreSQL has no DETACH for an index): the
     * parent dropped with everything attached to it, made again ON ONLY with the indexes attached before, and the
     * adopted indexes made again as indexes of their own.
     */
    static List<Statement> render(TableChanges.AlterIndexAttachments c) {
        List<String> sql = new ArrayList<>();
        if (c.attach()) {
            for (Index child : c.added()) {
                if (!c.adopted().contains(child.qualifiedName())) {
                    sql.add(child.definition() + ";");
                }
                sql.add(attachIndex(child));
                if (!c.adopted().contains(child.qualifiedName())) {
                    commentIfAny(child.ref(), child.comment(), sql);
                }
            }
            return statements(sql);
        }
        sql.add("DROP INDEX " + Sql.qualified(c.parent().qualifiedName()) + ";");
        index(false, c.parent(), sql);
        for (Index child : c.kept()) {
            index(false, child, sql);
        }
        for (Index child : c.added()) {
            if (c.adopted().contains(child.qualifiedName())) {
                index(false, child.attachedTo(null), sql);
            }
        }
        return statements(sql);
    }

    /** Nothing when the parent's key adopts the partition's; its ADD CONSTRAINT when it is the partition's again. */
    static List<Statement> render(TableChanges.AlterKeyAttachment c) {
        List<String> sql = new ArrayList<>();
        if (!c.attached()) {
            constraint(ChangeAction.CREATE, c.table(), c.constraint(), true, sql);
        }
        return statements(sql);
    }

    static List<Statement> render(AlterPartitionAttachment c) {
        List<String> sql = new ArrayList<>();
        sql.add(alter(c.parent()) + (c.attach()
                ? "ATTACH PARTITION " + Sql.qualified(c.table()) + " " + c.bound() + ";"
                : "DETACH PARTITION " + Sql.qualified(c.table()) + ";"));
        return statements(sql);
    }

    /**
     * Saving copies the rows (through every partition) into the holding table, after lifting FORCE ROW LEVEL
     * SECURITY, under which even the owner would read only what the policies let through. Restoring inserts them
     * (identity values as they were), moves each identity or owned sequence past the largest copied value, and
     * drops the holding table.
     */
    static List<Statement> render(TableChanges.RecreateTableRows c) {
        List<String> sql = new ArrayList<>();
        QualifiedName table = c.table().qualifiedName();
        String holding = Sql.qualified(c.holding());
        String columns = Sql.idents(c.columns());
        if (c.save()) {
            if (c.table().forceRowSecurity()) {
                sql.add(alter(table) + "NO FORCE ROW LEVEL SECURITY;");
            }
            c.ownedSequences().values()
                    .forEach(seq -> sql.add("ALTER SEQUENCE " + Sql.qualified(seq) + " OWNED BY NONE;"));
            sql.add("CREATE TABLE " + holding + " AS SELECT " + columns + " FROM " + Sql.qualified(table) + ";");
            return statements(sql);
        }
        if (c.table().forceRowSecurity()) {
            sql.add(alter(table) + "NO FORCE ROW LEVEL SECURITY;");
        }
        boolean alwaysIdentity = c.table().columns().stream().anyMatch(col -> c.columns().contains(col.name())
                && col.identity() != null && col.identity().always());
        sql.add("INSERT INTO " + Sql.qualified(table) + " (" + columns + ")"
                + (alwaysIdentity ? " OVERRIDING SYSTEM VALUE" : "") + " SELECT * FROM " + holding + ";");
        c.ownedSequences().forEach((column, seq) -> sql.add("ALTER SEQUENCE " + Sql.qualified(seq) + " OWNED BY "
                + Sql.qualified(table) + "." + Sql.ident(column) + ";"));
        for (Column col : c.table().columns()) {
            boolean sequenced = col.identity() != null
                    || col.defaultExpr() != null && col.defaultExpr().startsWith("nextval(");
            if (sequenced && c.columns().contains(col.name())) {
                sql.add("SELECT setval(pg_get_serial_sequence(" + Sql.literal(Sql.qualified(table)) + ", "
                        + Sql.literal(col.name()) + "), max(" + Sql.ident(col.name()) + ")) FROM "
                        + Sql.qualified(table) + " HAVING max(" + Sql.ident(col.name()) + ") IS NOT NULL;");
            }
        }
        sql.add("DROP TABLE " + holding + ";");
        if (c.table().forceRowSecurity()) {
            sql.add(alter(table) + "FORCE ROW LEVEL SECURITY;");
        }
        return statements(sql);
    }

    static List<Statement> render(AlterTableInheritance c) {
        List<String> sql = new ArrayList<>();
        sql.add(alter(c.table()) + (c.inherit() ? "INHERIT " : "NO INHERIT ") + Sql.qualified(c.parent()) + ";");
        return statements(sql);
    }

    static List<Statement> render(TableChanges.AlterTableReplicaIdentity c) {
        return statements(List.of(alter(c.table()) + "REPLICA IDENTITY " + replicaIdentity(c.after()) + ";"));
    }

    private static String replicaIdentity(ReplicaIdentity identity) {
        return switch (identity.mode()) {
            case DEFAULT -> "DEFAULT";
            case FULL -> "FULL";
            case NOTHING -> "NOTHING";
            case USING_INDEX -> "USING INDEX " + Sql.ident(identity.index());
        };
    }

    static List<Statement> render(TableChanges.DropCollation c) {
        return statements(List.of("DROP COLLATION " + Sql.qualified(c.collation().qualifiedName()) + ";"));
    }

    static List<Statement> render(TableChanges.CreateCollation c) {
        Collation co = c.collation();
        List<String> options = new ArrayList<>();
        options.add("provider = " + co.provider());
        if (co.locale() != null) {
            options.add("locale = " + Sql.literal(co.locale()));
        }
        if (co.lcCollate() != null) {
            options.add("lc_collate = " + Sql.literal(co.lcCollate()));
        }
        if (co.lcCtype() != null) {
            options.add("lc_ctype = " + Sql.literal(co.lcCtype()));
        }
        if (co.rules() != null) {
            options.add("rules = " + Sql.literal(co.rules()));
        }
        if (!co.deterministic()) {
            options.add("deterministic = false");
        }
        List<String> sql = new ArrayList<>();
        sql.add("CREATE COLLATION " + Sql.qualified(co.qualifiedName()) + " (" + String.join(", ", options) + ");");
        commentIfAny(co.ref(), co.comment(), sql);
        return statements(sql);
    }

    static List<Statement> render(AlterRowSecurity c) {
        List<String> sql = new ArrayList<>();
        rowSecurity(c.table(), c.enabledBefore(), c.forcedBefore(), c.enabledAfter(), c.forcedAfter(), sql);
        return statements(sql);
    }

    static List<Statement> render(CreateColumn c) {
        List<String> sql = new ArrayList<>();
        column(false, c.table(), c.column(), sql);
        return statements(sql);
    }

    static List<Statement> render(DropColumn c) {
        List<String> sql = new ArrayList<>();
        column(true, c.table(), c.column(), sql);
        return statements(sql);
    }

    static List<Statement> render(AlterColumnExpression c) {
        List<String> sql = new ArrayList<>();
        if (c.dropExpression()) {
            sql.add(alterColumn(c.table(), c.plain().name()) + "DROP EXPRESSION;");
        } else {
            sql.add(alter(c.table()) + "DROP COLUMN " + Sql.ident(c.plain().name()) + ";");
            sql.add(alter(c.table()) + "ADD COLUMN " + columnDefinition(c.generated()) + ";");
            commentIfAny(c.target(), c.generated().comment(), sql);
            c.generated().grants().forEach(g -> sql.add(grant(c.target(), g, true)));
        }
        return statements(sql);
    }

    static List<Statement> render(TableChanges.AlterColumnGeneration c) {
        return statements(List.of(alterColumn(c.table(), c.column()) + "SET EXPRESSION AS (" + c.after() + ");"));
    }

    static List<Statement> render(RenameColumn c) {
        List<String> sql = new ArrayList<>();
        sql.add(alter(c.table()) + "RENAME COLUMN " + Sql.ident(c.from()) + " TO " + Sql.ident(c.to()) + ";");
        return statements(sql);
    }

    static List<Statement> render(AlterColumnType c) {
        List<String> sql = new ArrayList<>();
        sql.add(alterColumn(c.table(), c.column()) + "TYPE " + c.typeAfter()
                + (c.collationAfter() == null ? "" : " COLLATE " + Sql.collation(c.collationAfter()))
                + (c.using() == null ? "" : " USING " + c.using()) + ";");
        return statements(sql);
    }

    static List<Statement> render(AlterColumnDefault c) {
        List<String> sql = new ArrayList<>();
        sql.add(alterColumn(c.table(), c.column())
                + (c.after() == null ? "DROP DEFAULT;" : "SET DEFAULT " + c.after() + ";"));
        return statements(sql);
    }

    static List<Statement> render(AlterColumnNotNull c) {
        List<String> sql = new ArrayList<>();
        sql.add(alterColumn(c.table(), c.column()) + (c.notNull() ? "SET NOT NULL;" : "DROP NOT NULL;"));
        return statements(sql);
    }

    /** One ALTER TABLE with a SET action per setting that changes; a setting going back to its default resets it. */
    static List<Statement> render(TableChanges.AlterColumnStorage c) {
        List<String> actions = new ArrayList<>();
        String column = "ALTER COLUMN " + Sql.ident(c.column()) + " ";
        ColumnStorage before = c.before();
        ColumnStorage after = c.after();
        if (!Objects.equals(before.storage(), after.storage())) {
            // SET STORAGE DEFAULT is PostgreSQL 16's: name the type's own storage instead
            String storage = after.storage() != null ? after.storage() : after.typeStorage();
            actions.add(column + "SET STORAGE " + (storage == null ? "DEFAULT" : storage.toUpperCase(Locale.ROOT)));
        }
        if (!Objects.equals(before.compression(), after.compression())) {
            actions.add(column + "SET COMPRESSION " + (after.compression() == null ? "DEFAULT" : after.compression()));
        }
        if (!Objects.equals(before.statistics(), after.statistics())) {
            actions.add(column + "SET STATISTICS " + (after.statistics() == null ? -1 : after.statistics()));
        }
        return statements(List.of("ALTER TABLE " + Sql.qualified(c.table()) + " " + String.join(", ", actions) + ";"));
    }

    static List<Statement> render(AlterColumnIdentity c) {
        List<String> sql = new ArrayList<>();
        identity(c, sql);
        return statements(sql);
    }

    static List<Statement> render(CreateConstraint c) {
        List<String> sql = new ArrayList<>();
        constraint(ChangeAction.CREATE, c.table(), c.constraint(), c.constraint().validated(), sql);
        return statements(sql);
    }

    static List<Statement> render(DropConstraint c) {
        List<String> sql = new ArrayList<>();
        constraint(ChangeAction.DROP, c.table(), c.constraint(), c.constraint().validated(), sql);
        return statements(sql);
    }

    static List<Statement> render(TableChanges.RenameConstraint c) {
        return statements(List.of(alter(c.table()) + "RENAME CONSTRAINT " + Sql.ident(c.from()) + " TO "
                + Sql.ident(c.to()) + ";"));
    }

    static List<Statement> render(TableChanges.RenameIndex c) {
        return statements(List.of("ALTER INDEX " + Sql.qualified(c.from()) + " RENAME TO " + Sql.ident(c.to().name())
                + ";"));
    }

    static List<Statement> render(AlterConstraintValidation c) {
        List<String> sql = new ArrayList<>();
        if (c.validated()) {
            sql.add(alter(c.table()) + "VALIDATE CONSTRAINT " + Sql.ident(c.constraint().name()) + ";");
        } else {
            constraint(ChangeAction.DROP, c.table(), c.constraint(), false, sql);
            constraint(ChangeAction.CREATE, c.table(), c.constraint(), false, sql);
        }
        return statements(sql);
    }

    static List<Statement> render(CreateIndex c) {
        List<String> sql = new ArrayList<>();
        index(false, c.index(), sql);
        return statements(sql);
    }

    static List<Statement> render(DropIndex c) {
        List<String> sql = new ArrayList<>();
        index(true, c.index(), sql);
        return statements(sql);
    }

    static List<Statement> render(AlterComment c) {
        List<String> sql = new ArrayList<>();
        sql.add(comment(c.target(), c.after()));
        return statements(sql);
    }

    static List<Statement> render(AlterGrant c) {
        List<String> sql = new ArrayList<>();
        sql.add(grant(c.target(), c.grant(), c.granted()));
        return statements(sql);
    }

    private static List<Statement> statements(List<String> sql) {
        return sql.stream().map(Statement::of).toList();
    }

    // ---- schemas, extensions, sequences

    private static void schema(boolean drop, Schema s, List<String> sql) {
        if (drop) {
            sql.add("DROP SCHEMA " + Sql.ident(s.name()) + ";");
            return;
        }
        sql.add("CREATE SCHEMA " + Sql.ident(s.name()) + ";");
        commentIfAny(s.ref(), s.comment(), sql);
        s.grants().forEach(g -> sql.add(grant(s.ref(), g, true)));
    }

    private static void extension(boolean drop, Extension e, List<String> sql) {
        if (drop) {
            sql.add("DROP EXTENSION " + Sql.ident(e.name()) + ";");
            return;
        }
        sql.add("CREATE EXTENSION " + Sql.ident(e.name())
                + (e.schema() == null ? "" : " WITH SCHEMA " + Sql.ident(e.schema()))
                + (e.version() == null ? "" : " VERSION " + Sql.literal(e.version())) + ";");
        commentIfAny(e.ref(), e.comment(), sql);
    }

    private static void sequence(boolean drop, Sequence s, List<String> sql) {
        if (drop) {
            sql.add("DROP SEQUENCE " + Sql.qualified(s.qualifiedName()) + ";");
            return;
        }
        List<String> clauses = new ArrayList<>();
        if (!s.options().dataType().equals("bigint")) {
            clauses.add("AS " + s.options().dataType());
        }
        clauses.addAll(sequenceOptions(s.options()));
        sql.add("CREATE SEQUENCE " + Sql.qualified(s.qualifiedName())
                + (clauses.isEmpty() ? "" : " " + String.join(" ", clauses)) + ";");
        commentIfAny(s.ref(), s.comment(), sql);
        s.grants().forEach(g -> sql.add(grant(s.ref(), g, true)));
    }

    /** The options that differ from their defaults (without AS). */
    private static List<String> sequenceOptions(SequenceOptions o) {
        List<String> clauses = new ArrayList<>();
        if (o.increment() != 1) {
            clauses.add("INCREMENT BY " + o.increment());
        }
        if (!SequenceDefaults.defaultMin(o)) {
            clauses.add("MINVALUE " + o.min());
        }
        if (!SequenceDefaults.defaultMax(o)) {
            clauses.add("MAXVALUE " + o.max());
        }
        if (!SequenceDefaults.defaultStart(o)) {
            clauses.add("START WITH " + o.start());
        }
        if (o.cache() != 1) {
            clauses.add("CACHE " + o.cache());
        }
        if (o.cycle()) {
            clauses.add("CYCLE");
        }
        return clauses;
    }

    /** Clauses for the options that differ (without AS); min and max written out when the increment changes. */
    private static List<String> sequenceChanges(SequenceOptions before, SequenceOptions after, boolean retyped) {
        List<String> clauses = new ArrayList<>();
        if (before.increment() != after.increment()) {
            clauses.add("INCREMENT BY " + after.increment());
        }
        if (retyped || before.min() != after.min() || before.increment() != after.increment()) {
            clauses.add(SequenceDefaults.defaultMin(after) ? "NO MINVALUE" : "MINVALUE " + after.min());
        }
        if (retyped || before.max() != after.max() || before.increment() != after.increment()) {
            clauses.add(SequenceDefaults.defaultMax(after) ? "NO MAXVALUE" : "MAXVALUE " + after.max());
        }
        if (before.start() != after.start()) {
            clauses.add("START WITH " + after.start());
        }
        if (before.cache() != after.cache()) {
            clauses.add("CACHE " + after.cache());
        }
        if (before.cycle() != after.cycle()) {
            clauses.add(after.cycle() ? "CYCLE" : "NO CYCLE");
        }
        return clauses;
    }

    private static String alterSequence(AlterSequence c) {
        boolean retyped = !c.before().dataType().equals(c.after().dataType());
        List<String> clauses = new ArrayList<>();
        if (retyped) {
            clauses.add("AS " + c.after().dataType());
        }
        clauses.addAll(sequenceChanges(c.before(), c.after(), retyped));
        return "ALTER SEQUENCE " + Sql.qualified(c.name()) + " " + String.join(" ", clauses) + ";";
    }

    private static String columnName(ObjectRef column) {
        return Sql.qualified(column.qualifiedName()) + "." + Sql.ident(column.member());
    }

    // ---- tables

    static String alter(QualifiedName table) {
        return "ALTER TABLE " + Sql.qualified(table) + " ";
    }

    private static String alterColumn(QualifiedName table, String column) {
        return alter(table) + "ALTER COLUMN " + Sql.ident(column) + " ";
    }

    private static void table(boolean drop, Table t, List<String> sql) {
        if (drop) {
            sql.add("DROP TABLE " + Sql.qualified(t.qualifiedName()) + ";");
            return;
        }
        boolean partition = t.partitionOf() != null;
        List<String> elements = new ArrayList<>();
        for (Column column : t.columns()) {
            if (column.local() && !partition) {
                elements.add(columnDefinition(column));
            }
        }
        for (Constraint constraint : t.constraints()) {
            elements.add("CONSTRAINT " + Sql.ident(constraint.name()) + " " + constraint.definition());
        }
        StringBuilder sb = new StringBuilder("CREATE ");
        if (t.unlogged()) {
            sb.append("UNLOGGED ");
        }
        sb.append("TABLE ").append(Sql.qualified(t.qualifiedName()));
        if (partition) {
            sb.append(" PARTITION OF ").append(Sql.qualified(t.partitionOf()));
        }
        if (!elements.isEmpty()) {
            sb.append(" (\n").append(INDENT).append(String.join(",\n" + INDENT, elements)).append("\n)");
        } else if (!partition) {
            sb.append(" ()");
        }
        if (partition) {
            sb.append(' ').append(t.partitionBound());
        }
        if (!t.inherits().isEmpty()) {
            sb.append(" INHERITS (").append(String.join(", ", t.inherits().stream().map(Sql::qualified).toList()))
                    .append(')');
        }
        if (t.partitionKey() != null) {
            sb.append(" PARTITION BY ").append(t.partitionKey());
        }
        if (!t.options().isEmpty()) {
            sb.append(" WITH (").append(String.join(", ", t.options().stream().map(TableSql::option).toList()))
                    .append(')');
        }
        sql.add(sb.append(';').toString());
        rowSecurity(t.qualifiedName(), false, false, t.rowSecurity(), t.forceRowSecurity(), sql);
        commentIfAny(t.ref(), t.comment(), sql);
        for (Column column : t.columns()) {
            commentIfAny(io.automigrate.catalog.ObjectRef.member(ObjectKind.COLUMN, t.qualifiedName(), column.name()),
                    column.comment(), sql);
        }
        for (Constraint constraint : t.constraints()) {
            commentIfAny(ObjectRef.member(ObjectKind.CONSTRAINT, t.qualifiedName(), constraint.name()),
                    constraint.comment(), sql);
        }
        t.grants().forEach(g -> sql.add(grant(t.ref(), g, true)));
        for (Column column : t.columns()) {
            ObjectRef ref = ObjectRef.member(ObjectKind.COLUMN, t.qualifiedName(), column.name());
            column.grants().forEach(g -> sql.add(grant(ref, g, true)));
        }
    }

    static String columnDefinition(Column c) {
        StringBuilder sb = new StringBuilder(Sql.ident(c.name())).append(' ').append(c.type());
        if (c.collation() != null) {
            sb.append(" COLLATE ").append(Sql.collation(c.collation()));
        }
        if (c.generatedExpr() != null) {
            sb.append(" GENERATED ALWAYS AS (").append(c.generatedExpr()).append(") STORED");
        }
        if (c.defaultExpr() != null) {
            sb.append(" DEFAULT ").append(c.defaultExpr());
        }
        if (c.identity() != null) {
            sb.append(identityClause(c.identity()));
        }
        if (c.notNull()) {
            sb.append(" NOT NULL");
        }
        return sb.toString();
    }

    private static String identityClause(Identity identity) {
        List<String> options = sequenceOptions(identity.options());
        return " GENERATED " + (identity.always() ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY"
                + (options.isEmpty() ? "" : " (" + String.join(" ", options) + ")");
    }

    /** A storage parameter {@code name=value}: the name quoted as an identifier, the value as a literal if needed. */
    private static String option(String option) {
        int eq = option.indexOf('=');
        String name = eq < 0 ? option : option.substring(0, eq);
        String keyed = String.join(".", java.util.Arrays.stream(name.split("\\.")).map(Sql::ident).toList());
        if (eq < 0) {
            return keyed;
        }
        String value = option.substring(eq + 1);
        return keyed + "=" + (PLAIN_VALUE.matcher(value).matches() ? value : Sql.literal(value));
    }

    private static String optionName(String option) {
        int eq = option.indexOf('=');
        return eq < 0 ? option : option.substring(0, eq);
    }

    private static void storage(AlterTableStorage c, List<String> sql) {
        TreeMap<String, String> before = new TreeMap<>();
        c.before().forEach(o -> before.put(optionName(o), o));
        TreeMap<String, String> after = new TreeMap<>();
        c.after().forEach(o -> after.put(optionName(o), o));
        List<String> reset = before.keySet().stream().filter(k -> !after.containsKey(k)).map(TableSql::option).toList();
        List<String> set = after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey())))
                .map(e -> option(e.getValue())).toList();
        if (!reset.isEmpty()) {
            sql.add(alter(c.table()) + "RESET (" + String.join(", ", reset) + ");");
        }
        if (!set.isEmpty()) {
            sql.add(alter(c.table()) + "SET (" + String.join(", ", set) + ");");
        }
    }

    private static void rowSecurity(QualifiedName table, boolean enabledBefore, boolean forcedBefore,
                                    boolean enabledAfter, boolean forcedAfter, List<String> sql) {
        if (enabledBefore != enabledAfter) {
            sql.add(alter(table) + (enabledAfter ? "ENABLE" : "DISABLE") + " ROW LEVEL SECURITY;");
        }
        if (forcedBefore != forcedAfter) {
            sql.add(alter(table) + (forcedAfter ? "FORCE" : "NO FORCE") + " ROW LEVEL SECURITY;");
        }
    }

    // ---- columns and constraints

    private static void column(boolean drop, QualifiedName table, Column column, List<String> sql) {
        if (drop) {
            sql.add(alter(table) + "DROP COLUMN " + Sql.ident(column.name()) + ";");
            return;
        }
        sql.add(alter(table) + "ADD COLUMN " + columnDefinition(column) + ";");
        ObjectRef ref = ObjectRef.member(ObjectKind.COLUMN, table, column.name());
        commentIfAny(ref, column.comment(), sql);
        column.grants().forEach(g -> sql.add(grant(ref, g, true)));
    }

    private static void identity(AlterColumnIdentity c, List<String> sql) {
        String prefix = alterColumn(c.table(), c.column());
        if (c.before() == null) {
            sql.add(prefix + "ADD" + identityClause(c.after()) + ";");
        } else if (c.after() == null) {
            sql.add(prefix + "DROP IDENTITY;");
        } else {
            StringBuilder sb = new StringBuilder(prefix.stripTrailing());
            if (c.before().always() != c.after().always()) {
                sb.append(" SET GENERATED ").append(c.after().always() ? "ALWAYS" : "BY DEFAULT");
            }
            SequenceOptions before = c.before().options();
            SequenceOptions after = c.after().options();
            // The identity sequence's type follows the column's; each option is its own SET clause.
            for (String clause : sequenceChanges(withType(before, after.dataType()), after, false)) {
                sb.append(" SET ").append(clause);
            }
            sql.add(sb.append(';').toString());
        }
    }

    private static SequenceOptions withType(SequenceOptions o, String dataType) {
        return new SequenceOptions(dataType, o.start(), o.increment(), o.min(), o.max(), o.cache(), o.cycle());
    }

    private static void constraint(ChangeAction action, QualifiedName table, Constraint constraint, boolean validated,
                                   List<String> sql) {
        if (action == ChangeAction.DROP) {
            sql.add(alter(table) + "DROP CONSTRAINT " + Sql.ident(constraint.name()) + ";");
            return;
        }
        sql.add(alter(table) + "ADD CONSTRAINT " + Sql.ident(constraint.name()) + " " + constraint.definition()
                + (validated ? "" : " NOT VALID") + ";");
        commentIfAny(ObjectRef.member(ObjectKind.CONSTRAINT, table, constraint.name()), constraint.comment(), sql);
    }

    // ---- indexes, comments, grants

    static String attachIndex(Index index) {
        return "ALTER INDEX " + Sql.qualified(index.attachedTo()) + " ATTACH PARTITION "
                + Sql.qualified(index.qualifiedName()) + ";";
    }

    private static void index(boolean drop, Index index, List<String> sql) {
        if (drop && index.attachedTo() != null) {
            // PostgreSQL refuses to drop it: its parent index (or its table) is dropped, and it goes with it
            return;
        }
        if (drop) {
            sql.add("DROP INDEX " + Sql.qualified(index.qualifiedName()) + ";");
            return;
        }
        // A partitioned table's index is made ON ONLY it, as pg_dump does: each partition's index is created and
        // attached by its own change, under the name the schema gives it.
        sql.add(index.definition() + ";");
        if (index.attachedTo() != null) {
            sql.add(attachIndex(index));
        }
        commentIfAny(index.ref(), index.comment(), sql);
    }

    private static void commentIfAny(ObjectRef target, String comment, List<String> sql) {
        if (comment != null) {
            sql.add(comment(target, comment));
        }
    }

    static String comment(ObjectRef target, String comment) {
        return "COMMENT ON " + objectName(target) + " IS " + Sql.literal(comment) + ";";
    }

    /** How COMMENT, GRANT and REVOKE name an object of this family. */
    private static String objectName(ObjectRef target) {
        return switch (target.kind()) {
            case SCHEMA -> "SCHEMA " + Sql.ident(target.name());
            case EXTENSION -> "EXTENSION " + Sql.ident(target.name());
            case COLLATION -> "COLLATION " + Sql.qualified(target.qualifiedName());
            case SEQUENCE -> "SEQUENCE " + Sql.qualified(target.qualifiedName());
            case TABLE -> "TABLE " + Sql.qualified(target.qualifiedName());
            case COLUMN -> "COLUMN " + columnName(target);
            case CONSTRAINT -> "CONSTRAINT " + Sql.ident(target.member()) + " ON "
                    + Sql.qualified(target.qualifiedName());
            case INDEX -> "INDEX " + Sql.qualified(target.qualifiedName());
            default -> throw new IllegalStateException("not an object of the table family: " + target);
        };
    }

    static String grant(ObjectRef target, Grant grant, boolean granted) {
        String privilege = grant.privilege().toUpperCase(java.util.Locale.ROOT);
        if (!PRIVILEGES.contains(privilege)) {
            throw new IllegalStateException("unknown privilege " + grant.privilege() + " on " + target);
        }
        String on = target.kind() == ObjectKind.COLUMN
                ? privilege + " (" + Sql.ident(target.member()) + ") ON TABLE " + Sql.qualified(target.qualifiedName())
                : privilege + " ON " + objectName(target);
        return granted
                ? "GRANT " + on + " TO " + Sql.role(grant.grantee()) + (grant.withGrantOption() ? " WITH GRANT OPTION"
                : "") + ";"
                : "REVOKE " + on + " FROM " + Sql.role(grant.grantee()) + ";";
    }
}
