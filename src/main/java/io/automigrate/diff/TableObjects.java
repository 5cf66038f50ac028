package io.automigrate.diff;

import io.automigrate.AutomigrateException;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Collation;
import io.automigrate.catalog.Column;
import io.automigrate.catalog.ColumnStorage;
import io.automigrate.catalog.Constraint;
import io.automigrate.catalog.ConstraintKind;
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
import io.automigrate.catalog.Table;
import io.automigrate.diff.TableChanges.AlterColumnDefault;
import io.automigrate.diff.TableChanges.CreateColumn;
import io.automigrate.diff.TableChanges.DropColumn;
import io.automigrate.diff.TableChanges.AlterColumnIdentity;
import io.automigrate.diff.TableChanges.AlterColumnNotNull;
import io.automigrate.diff.TableChanges.RenameColumn;
import io.automigrate.diff.TableChanges.AlterColumnType;
import io.automigrate.diff.TableChanges.AlterComment;
import io.automigrate.diff.TableChanges.CreateConstraint;
import io.automigrate.diff.TableChanges.DropConstraint;
import io.automigrate.diff.TableChanges.AlterConstraintValidation;
import io.automigrate.diff.TableChanges.CreateExtension;
import io.automigrate.diff.TableChanges.DropExtension;
import io.automigrate.diff.TableChanges.AlterExtensionVersion;
import io.automigrate.diff.TableChanges.AlterGrant;
import io.automigrate.diff.TableChanges.CreateIndex;
import io.automigrate.diff.TableChanges.DropIndex;
import io.automigrate.diff.TableChanges.AlterPartitionAttachment;
import io.automigrate.diff.TableChanges.AlterRowSecurity;
import io.automigrate.diff.TableChanges.CreateSchema;
import io.automigrate.diff.TableChanges.DropSchema;
import io.automigrate.diff.TableChanges.AlterSequence;
import io.automigrate.diff.TableChanges.CreateSequence;
import io.automigrate.diff.TableChanges.DropSequence;
import io.automigrate.diff.TableChanges.AlterSequenceOwner;
import io.automigrate.diff.TableChanges.CreateTable;
import io.automigrate.diff.TableChanges.DropTable;
import io.automigrate.diff.TableChanges.AlterTableInheritance;
import io.automigrate.diff.TableChanges.AlterTableLogged;
import io.automigrate.diff.TableChanges.RenameTable;
import io.automigrate.diff.TableChanges.AlterTableStorage;
import io.automigrate.sqltext.Sql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.function.Function;

/** Schemas, extensions, sequences, tables with their columns and constraints, and indexes. */
public final class TableObjects implements ObjectFamily {
    /** Present in every fresh database: never created or dropped. */
    private static final String PUBLIC_SCHEMA = "public";
    private static final String PLPGSQL = "plpgsql";

    @Override
    public List<Change> diff(DiffContext context) {
        return new Run(context).changes();
    }

    @Override
    public List<String> notes(DiffContext context) {
        Run run = new Run(context);
        List<String> notes = new ArrayList<>(run.renameSuggestions());
        notes.addAll(run.columnOrderNotes());
        return notes;
    }

    /** PostgreSQL 17 is the first with ALTER COLUMN ... SET EXPRESSION; before it, the column is dropped and added. */
    private static final int SET_EXPRESSION_VERSION = 170000;

    /** How every column-order note begins; the diff command shows these as comments in the SQL. */
    public static final String COLUMN_ORDER_NOTE = "column order differs";

    /** How a column-order note says to ask for the re-creation (automigrate.yml, or the commands' flag). */
    private static final String REWRITE_HINT = "column-order: rewrite in automigrate.yml, or --rewrite-column-order, "
            + "does that";

    /** One diff: the context, the renames that apply, and the changes found so far. */
    private static final class Run {
        private final DiffContext context;
        private final Catalog from;
        private final Catalog to;
        private final boolean privileges;
        /** Desired table name → its name in {@code from}, for hinted renames that apply. */
        private final Map<QualifiedName, QualifiedName> tableRenames;
        /** Desired table name → (desired column → column name in {@code from}). */
        private final Map<QualifiedName, Map<String, String>> columnRenames;
        private final AppliedRenames renames;
        /** Whether tables whose column order would differ from the schema's are re-created in it. */
        private final boolean rewriteOrder;
        private final List<Change> out = new ArrayList<>();
        /** Partitions' indexes PostgreSQL copies from a parent's index when it creates the partition. */
        private final List<Index> copies = new ArrayList<>();
        /** Desired names of the tables re-created with their rows, once {@link #tables()} ran. */
        private Set<QualifiedName> recreated = Set.of();

        Run(DiffContext context) {
            this(context, context.options().rewriteColumnOrder());
        }

        Run(DiffContext context, boolean rewriteOrder) {
            this.context = context;
            this.rewriteOrder = rewriteOrder;
            this.from = context.from();
            this.to = context.to();
            this.privileges = context.options().withPrivileges();
            this.renames = AppliedRenames.of(context);
            this.tableRenames = renames.tables();
            this.columnRenames = renames.columns();
        }

        List<Change> changes() {
            schemas();
            extensions();
            collations();
            sequences();
            tables();
            indexes();
            replicaIdentities();
            columnStorages();
            return out;
        }

        // ---- schemas and extensions

        private void schemas() {
            pairs(from.schemas(), to.schemas(), Schema::name, (before, after) -> {
                if (before == null) {
                    if (!after.name().equals(PUBLIC_SCHEMA)) {
                        out.add(new CreateSchema(strip(after)));
                    }
                } else if (after == null) {
                    if (!before.name().equals(PUBLIC_SCHEMA)) {
                        out.add(new DropSchema(strip(before)));
                    }
                } else {
                    comment(before.ref(), before.comment(), after.comment());
                    grants(after.ref(), before.grants(), after.grants());
                }
            });
        }

        private Schema strip(Schema s) {
            return new Schema(s.name(), s.comment(), privileges ? s.grants() : List.of());
        }

        private void collations() {
            pairs(from.collations(), to.collations(), Collation::qualifiedName, (before, after) -> {
                if (before == null) {
                    out.add(new TableChanges.CreateCollation(after));
                } else if (after == null) {
                    out.add(new TableChanges.DropCollation(before));
                } else if (!before.definition().equals(after.definition())) {
                    // ALTER COLLATION can only rename it or refresh its version
                    out.add(new TableChanges.DropCollation(before));
                    out.add(new TableChanges.CreateCollation(after));
                } else {
                    comment(after.ref(), before.comment(), after.comment());
                }
            });
        }

        private void extensions() {
            pairs(from.extensions(), to.extensions(), Extension::name, (before, after) -> {
                Extension any = before != null ? before : after;
                if (any.name().equals(PLPGSQL)) {
                    return;
                }
                if (before == null) {
                    out.add(new CreateExtension(after));
                } else if (after == null) {
                    out.add(new DropExtension(before));
                } else if (!Objects.equals(before.schema(), after.schema())) {
                    out.add(new DropExtension(before));
                    out.add(new CreateExtension(after));
                } else {
                    if (!Objects.equals(before.version(), after.version())) {
                        out.add(new AlterExtensionVersion(after.name(), before.version(), after.version()));
                    }
                    comment(before.ref(), before.comment(), after.comment());
                }
            });
        }

        // ---- sequences

        private void sequences() {
            pairs(from.sequences(), to.sequences(), Sequence::qualifiedName, (before, after) -> {
                if (before == null) {
                    out.add(new CreateSequence(strip(after)));
                    if (after.ownedBy() != null) {
                        out.add(new AlterSequenceOwner(after.qualifiedName(), null, after.ownedBy()));
                    }
                } else if (after == null) {
                    if (before.ownedBy() != null) {
                        out.add(new AlterSequenceOwner(before.qualifiedName(), before.ownedBy(), null));
                    }
                    out.add(new DropSequence(strip(before)));
                } else {
                    if (!before.options().equals(after.options())) {
                        out.add(new AlterSequence(after.qualifiedName(), before.options(), after.options()));
                    }
                    ObjectRef owner = before.ownedBy() == null ? null : renamedColumn(before.ownedBy());
                    if (!Objects.equals(owner, after.ownedBy())) {
                        out.add(new AlterSequenceOwner(after.qualifiedName(), owner, after.ownedBy()));
                    }
                    comment(after.ref(), before.comment(), after.comment());
                    grants(after.ref(), before.grants(), after.grants());
                }
            });
        }

        private Sequence strip(Sequence s) {
            return new Sequence(s.schema(), s.name(), s.options(), null, s.comment(),
                    privileges ? s.grants() : List.of());
        }

        /** A column ref of {@code from} under the desired names. */
        private ObjectRef renamedColumn(ObjectRef column) {
            QualifiedName table = column.qualifiedName();
            for (Map.Entry<QualifiedName, QualifiedName> e : tableRenames.entrySet()) {
                if (e.getValue().equals(table)) {
                    table = e.getKey();
                }
            }
            String name = column.member();
            for (Map.Entry<String, String> e : columnRenames.getOrDefault(table, Map.of()).entrySet()) {
                if (e.getValue().equals(name)) {
                    name = e.getKey();
                }
            }
            return TableChanges.column(table, name);
        }

        // ---- tables

        private void tables() {
            Set<QualifiedName> paired = new HashSet<>();
            recreated = recreatedTables();
            for (Table after : to.tables()) {
                QualifiedName old = tableRenames.getOrDefault(after.qualifiedName(), after.qualifiedName());
                Optional<Table> before = from.table(old);
                if (before.isPresent() && !recreated.contains(after.qualifiedName())) {
                    paired.add(old);
                    if (!context.forwardOnly() && !inheritedOnlyLost(before.get(), after).isEmpty()) {
                        recreateForRollback(before.get());
                    }
                    table(before.get(), after);
                } else {
                    Table state = stateOf(after);
                    out.add(new CreateTable(state));
                    for (Constraint c : separateConstraints(after)) {
                        out.add(new CreateConstraint(after.qualifiedName(), c,
                                after.qualifiedName()));
                    }
                }
            }
            for (Table before : from.tables()) {
                if (!paired.contains(before.qualifiedName())) {
                    for (Constraint c : separateConstraints(before)) {
                        out.add(new DropConstraint(before.qualifiedName(), c,
                                before.qualifiedName()));
                    }
                    out.add(new DropTable(stateOf(before)));
                }
            }
        }

        /**
         * Desired names of the tables that are dropped and created again, with their rows copied around it, because
         * PostgreSQL cannot change a table's partitioning in place: a table that becomes partitioned, stops being
         * partitioned or changes its partition key, and its partitions on either side; and, when the options ask for
         * it, a table whose columns would otherwise stay in another order than the schema declares. Adds the copies
         * of the rows.
         */
        private Set<QualifiedName> recreatedTables() {
            Set<QualifiedName> names = new TreeSet<>();
            Set<QualifiedName> reordered = rewriteOrder ? reorderedTables() : Set.of();
            for (Table after : to.tables()) {
                QualifiedName old = tableRenames.getOrDefault(after.qualifiedName(), after.qualifiedName());
                Optional<Table> current = from.table(old);
                if (current.isEmpty() || names.contains(after.qualifiedName())) {
                    continue;
                }
                Table before = current.get();
                List<String> madeLocal = localityChanged(before, after);
                String why;
                if (!Objects.equals(before.partitionKey(), after.partitionKey())) {
                    why = "change how table " + before.qualifiedName() + " is partitioned";
                } else if (!madeLocal.isEmpty()) {
                    why = "change which inherited columns table " + before.qualifiedName() + " also declares itself ("
                            + String.join(", ", madeLocal) + ")";
                } else if (!inheritedOnlyGained(before, after).isEmpty()) {
                    why = "make table " + before.qualifiedName() + " inherit columns it declares now ("
                            + String.join(", ", inheritedOnlyGained(before, after)) + ") without declaring them";
                } else if (reordered.contains(after.qualifiedName())) {
                    why = "put the columns of table " + before.qualifiedName() + " in the declared order";
                } else {
                    continue;
                }
                refuseRecreation(before, why);
                Set<QualifiedName> oldTree = partitionTree(from, old);
                Set<QualifiedName> newTree = partitionTree(to, after.qualifiedName());
                names.addAll(oldTree);
                names.addAll(newTree);
                copyRows(before, after, oldTree, newTree);
            }
            return names;
        }

        /**
         * Columns the table has now that it will only inherit from a new parent ({@code attislocal} false): INHERIT
         * leaves them declared by the table too, so only a re-created table reaches the schema.
         */
        private List<String> inheritedOnlyGained(Table before, Table after) {
            if (after.partitionOf() != null || before.partitionOf() != null) return List.of();
            Set<QualifiedName> old = new TreeSet<>();
            before.inherits().forEach(p -> old.add(renamedTable(p)));
            if (old.containsAll(after.inherits())) return List.of();
            Map<String, String> renamed = columnRenames.getOrDefault(after.qualifiedName(), Map.of());
            return after.columns().stream().filter(c -> !c.local())
                    .filter(c -> before.column(renamed.getOrDefault(c.name(), c.name())).isPresent())
                    .map(Column::name).toList();
        }

        /**
         * The parents of {@code before} it stops inheriting from while it has columns it only inherits from them
         * ({@code attislocal} false): after NO INHERIT they are the table's own, and INHERIT, in the rollback, leaves
         * them so. Empty where the table is renamed or partitioned, its parent is dropped, or another table inherits
         * from it (re-creating it would take that table along).
         */
        private Set<QualifiedName> inheritedOnlyLost(Table before, Table after) {
            if (!before.qualifiedName().equals(after.qualifiedName()) || before.partitionOf() != null
                    || from.tables().stream().anyMatch(t -> t.inherits().contains(before.qualifiedName()))) {
                return Set.of();
            }
            Set<QualifiedName> lost = new TreeSet<>();
            for (QualifiedName parent : before.inherits()) {
                Optional<Table> declared = from.table(parent);
                if (after.inherits().contains(parent) || to.table(parent).isEmpty() || declared.isEmpty()) continue;
                boolean inheritedOnly = before.columns().stream()
                        .anyMatch(c -> !c.local() && declared.get().column(c.name()).isPresent());
                if (inheritedOnly) lost.add(parent);
            }
            return lost;
        }

        /**
         * The current table dropped and created again as it is, with its rows, separate constraints and (forced by
         * {@link AlterTableInheritance#invalidatesOnRollback()}) what depends on it: {@link SchemaDiffer} finds that
         * only the rollback needs this and runs it there, where it brings back the columns the table only inherits.
         */
        private void recreateForRollback(Table before) {
            QualifiedName name = before.qualifiedName();
            rollbackRecreated.add(name);
            Set<QualifiedName> tree = Set.of(name);
            copyRows(before, before, tree, tree);
            for (Constraint c : separateConstraints(before)) {
                out.add(new DropConstraint(name, c, name));
                out.add(new CreateConstraint(name, c, name));
            }
            out.add(new DropTable(stateOf(before)));
            out.add(new CreateTable(stateOf(before)));
        }

        /** Tables {@link #recreateForRollback} re-creates: their own columns and constraints come with the table. */
        private final Set<QualifiedName> rollbackRecreated = new HashSet<>();

        /** Whether a column or constraint of a table is forced to be re-created on its own. */
        private boolean forcedMember(ObjectRef ref) {
            return context.mustRecreate(ref) && !rollbackRecreated.contains(ref.qualifiedName());
        }

        /** A table and its partitions, at any depth. */
        private static Set<QualifiedName> partitionTree(Catalog catalog, QualifiedName root) {
            Set<QualifiedName> tree = new TreeSet<>();
            tree.add(root);
            boolean grew = true;
            while (grew) {
                grew = false;
                for (Table t : catalog.tables()) {
                    if (t.partitionOf() != null && tree.contains(t.partitionOf())) {
                        grew |= tree.add(t.qualifiedName());
                    }
                }
            }
            return tree;
        }

        /**
         * Columns of an inheriting table that are inherited on both sides but declared by the table itself on one side
         * only ({@code attislocal}): PostgreSQL has no statement that changes that for one column, only a re-created
         * table declares it again. (NO INHERIT makes every column local, and INHERIT never makes one inherited-only.)
         */
        private List<String> localityChanged(Table before, Table after) {
            if (before.inherits().isEmpty() || after.inherits().isEmpty() || before.partitionOf() != null
                    || after.partitionOf() != null) {
                return List.of();
            }
            Set<QualifiedName> parents = new TreeSet<>();
            before.inherits().forEach(p -> parents.add(renamedTable(p)));
            if (!parents.equals(new TreeSet<>(after.inherits()))) {
                return List.of();
            }
            Map<String, String> renamed = columnRenames.getOrDefault(after.qualifiedName(), Map.of());
            List<String> changed = new ArrayList<>();
            for (Column desired : after.columns()) {
                Optional<Column> current = before.column(renamed.getOrDefault(desired.name(), desired.name()));
                if (current.isPresent() && current.get().local() != desired.local()) {
                    changed.add(desired.name());
                }
            }
            return changed;
        }

        /** Where dropping the old table would take more than its own rows with it, no copy can be correct. */
        private void refuseRecreation(Table before, String why) {
            for (Table t : from.tables()) {
                if (t.inherits().contains(before.qualifiedName())) {
                    throw io.automigrate.AutomigrateException.badInput("cannot "
                            + why + ": table " + t.qualifiedName()
                            + " inherits from it, and PostgreSQL can only re-create the table, which would drop"
                            + " that table too; remove the inheritance (ALTER TABLE " + t.qualifiedName()
                            + " NO INHERIT " + before.qualifiedName() + ") in a migration of its own first");
                }
            }
        }

        /** The two copies around a re-created table: its rows aside before the drop, back after the create. */
        private void copyRows(Table before, Table after, Set<QualifiedName> oldTree, Set<QualifiedName> newTree) {
            Map<String, String> renamed = columnRenames.getOrDefault(after.qualifiedName(), Map.of());
            List<String> oldColumns = new ArrayList<>();
            List<String> newColumns = new ArrayList<>();
            for (Column desired : after.columns()) {
                String oldName = renamed.getOrDefault(desired.name(), desired.name());
                if (desired.generatedExpr() == null && before.column(oldName).isPresent()) {
                    oldColumns.add(oldName);
                    newColumns.add(desired.name());
                }
            }
            Set<ObjectRef> oldRefs = new HashSet<>();
            oldTree.forEach(n -> oldRefs.add(ObjectRef.of(ObjectKind.TABLE, n)));
            Set<ObjectRef> newRefs = new HashSet<>();
            newTree.forEach(n -> newRefs.add(ObjectRef.of(ObjectKind.TABLE, n)));
            Set<ObjectRef> oldAfterRows = new HashSet<>();
            Set<ObjectRef> newAfterRows = new HashSet<>();
            from.triggers().stream().filter(t -> oldTree.contains(t.tableName())).forEach(t -> oldAfterRows.add(t.ref()));
            from.policies().stream().filter(p -> oldTree.contains(p.tableName())).forEach(p -> oldAfterRows.add(p.ref()));
            to.triggers().stream().filter(t -> newTree.contains(t.tableName())).forEach(t -> newAfterRows.add(t.ref()));
            to.policies().stream().filter(p -> newTree.contains(p.tableName())).forEach(p -> newAfterRows.add(p.ref()));
            QualifiedName holding = TableChanges.RecreateTableRows.holdingFor(after.qualifiedName());
            out.add(new TableChanges.RecreateTableRows(before, oldColumns, true, oldRefs, oldAfterRows,
                    ownedSequences(from, before.qualifiedName()), holding));
            out.add(new TableChanges.RecreateTableRows(after, newColumns, false, newRefs, newAfterRows,
                    ownedSequences(to, after.qualifiedName()), holding));
        }

        private static Map<String, QualifiedName> ownedSequences(Catalog catalog, QualifiedName table) {
            Map<String, QualifiedName> owned = new TreeMap<>();
            for (Sequence s : catalog.sequences()) {
                if (s.ownedBy() != null && s.ownedBy().qualifiedName().equals(table)) {
                    owned.put(s.ownedBy().member(), s.qualifiedName());
                }
            }
            return owned;
        }

        /** Foreign keys and NOT VALID constraints: added after the table, so cycles and order work. */
        private static List<Constraint> separateConstraints(Table table) {
            return table.constraints().stream().filter(Constraint::local)
                    .filter(c -> c.kind() == ConstraintKind.FOREIGN_KEY || !c.validated()).toList();
        }

        /** A table as {@link CreateTable} holds it: inline constraints only, grants only when compared. */
        private Table stateOf(Table t) {
            List<Constraint> inline = t.constraints().stream().filter(Constraint::local)
                    .filter(c -> c.kind() != ConstraintKind.FOREIGN_KEY && c.validated()).toList();
            List<Column> columns = t.columns().stream().map(this::strip).toList();
            return new Table(t.schema(), t.name(), t.unlogged(), t.partitionKey(), t.partitionOf(),
                    t.partitionBound(), t.inherits(), t.options(), columns, inline, t.rowSecurity(),
                    t.forceRowSecurity(), t.comment(), privileges ? t.grants() : List.of(), t.replicaIdentity());
        }

        private Column strip(Column c) {
            return privileges ? c : new Column(c.name(), c.type(), c.collation(), c.notNull(), c.defaultExpr(),
                    c.identity(), c.generatedExpr(), c.local(), c.comment(), List.of(), c.storage());
        }

        private void table(Table before, Table after) {
            QualifiedName name = after.qualifiedName();
            QualifiedName old = before.qualifiedName();
            if (!old.equals(name)) {
                out.add(new RenameTable(old, name));
            }
            if (before.unlogged() != after.unlogged()) {
                out.add(new AlterTableLogged(name, before.unlogged(), after.unlogged()));
            }
            if (!before.options().equals(after.options())) {
                out.add(new AlterTableStorage(name, before.options(), after.options()));
            }
            partition(before, after);
            inheritance(before, after);
            if (before.rowSecurity() != after.rowSecurity() || before.forceRowSecurity() != after.forceRowSecurity()) {
                out.add(new AlterRowSecurity(name, before.rowSecurity(), before.forceRowSecurity(), after.rowSecurity(),
                        after.forceRowSecurity()));
            }
            comment(after.ref(), before.comment(), after.comment());
            grants(after.ref(), before.grants(), after.grants());
            columns(before, after);
            constraints(before, after);
        }

        private void partition(Table before, Table after) {
            QualifiedName name = after.qualifiedName();
            QualifiedName oldParent = before.partitionOf() == null ? null : renamedTable(before.partitionOf());
            if (Objects.equals(oldParent, after.partitionOf())
                    && Objects.equals(before.partitionBound(), after.partitionBound())) {
                return;
            }
            if (oldParent != null) {
                out.add(new AlterPartitionAttachment(name, oldParent, before.partitionBound(), false, members(after)));
            }
            if (after.partitionOf() != null) {
                // the table's own indexes first: ATTACH PARTITION adopts them instead of making copies
                Set<ObjectRef> members = members(after);
                to.indexes().stream().filter(i -> i.table().equals(name)).forEach(i -> members.add(i.ref()));
                out.add(new AlterPartitionAttachment(name, after.partitionOf(), after.partitionBound(), true,
                        members));
            }
        }

        private void inheritance(Table before, Table after) {
            Set<QualifiedName> old = new TreeSet<>();
            before.inherits().forEach(p -> old.add(renamedTable(p)));
            Set<QualifiedName> desired = new TreeSet<>(after.inherits());
            for (QualifiedName parent : old) {
                if (!desired.contains(parent)) {
                    out.add(new AlterTableInheritance(after.qualifiedName(), parent, false, members(after),
                            inheritedOnlyLost(before, after).contains(parent)));
                }
            }
            for (QualifiedName parent : desired) {
                if (!old.contains(parent)) {
                    out.add(new AlterTableInheritance(after.qualifiedName(), parent, true, members(after), false));
                }
            }
        }

        private QualifiedName renamedTable(QualifiedName old) {
            for (Map.Entry<QualifiedName, QualifiedName> e : tableRenames.entrySet()) {
                if (e.getValue().equals(old)) {
                    return e.getKey();
                }
            }
            return old;
        }

        private static Set<ObjectRef> members(Table table) {
            Set<ObjectRef> refs = new HashSet<>();
            table.columns().forEach(c -> refs.add(TableChanges.column(table.qualifiedName(), c.name())));
            return refs;
        }

        // ---- columns

        private void columns(Table before, Table after) {
            QualifiedName name = after.qualifiedName();
            Map<String, String> renames = columnRenames.getOrDefault(name, Map.of());
            // a generated column over a re-typed one cannot change in place: PostgreSQL refuses the type change first
            tableRetyped = after.columns().stream().anyMatch(c -> before.column(renames.getOrDefault(c.name(),
                    c.name())).filter(b -> !b.type().equals(c.type())).isPresent());
            Set<String> matched = new HashSet<>();
            for (Column desired : after.columns()) {
                String oldName = renames.getOrDefault(desired.name(), desired.name());
                Optional<Column> current = before.column(oldName);
                if (current.isEmpty()) {
                    if (desired.local()) {
                        out.add(new CreateColumn(name, strip(desired), before.qualifiedName()));
                    }
                    continue;
                }
                matched.add(oldName);
                if (!oldName.equals(desired.name())) {
                    out.add(new RenameColumn(name, oldName, desired.name()));
                }
                column(before.qualifiedName(), name, current.get(), desired);
            }
            for (Column gone : before.columns()) {
                if (!matched.contains(gone.name()) && gone.local()) {
                    out.add(new DropColumn(name, strip(gone), before.qualifiedName()));
                }
            }
        }

        /** Whether a column of the table being diffed changes type. */
        private boolean tableRetyped;

        private void column(QualifiedName fromTable, QualifiedName table, Column before, Column after) {
            String name = after.name();
            ObjectRef ref = TableChanges.column(table, name);
            boolean forced = forcedMember(TableChanges.column(fromTable, before.name()));
            if (before.local() || after.local()) {
                if (before.generatedExpr() != null && after.generatedExpr() == null && !forced
                        && before.type().equals(after.type())) {
                    Column generated = new Column(name, before.type(), before.collation(), before.notNull(), null,
                            null, before.generatedExpr(), before.local(), before.comment(), before.grants(),
                            before.storage());
                    out.add(new TableChanges.AlterColumnExpression(table, strip(generated), strip(after), true, fromTable));
                    // What else changed is diffed against the column as DROP EXPRESSION leaves it.
                    column(fromTable, table, new Column(name, before.type(), before.collation(), before.notNull(),
                            null, null, null, before.local(), before.comment(), before.grants(), before.storage()),
                            after);
                    return;
                }
                if (before.generatedExpr() != null && after.generatedExpr() != null && !forced && !tableRetyped
                        && !before.generatedExpr().equals(after.generatedExpr()) && before.type().equals(after.type())
                        && Objects.equals(before.collation(), after.collation())
                        && from.server().version() >= SET_EXPRESSION_VERSION) {
                    out.add(new TableChanges.AlterColumnGeneration(table, name, before.generatedExpr(),
                            after.generatedExpr(), fromTable));
                    // What else changed is diffed against the column with its new expression.
                    column(fromTable, table, new Column(name, before.type(), before.collation(), before.notNull(),
                            before.defaultExpr(), before.identity(), after.generatedExpr(), before.local(),
                            before.comment(), before.grants(), before.storage()), after);
                    return;
                }
                if (!Objects.equals(before.generatedExpr(), after.generatedExpr())
                        || forced && after.generatedExpr() != null) {
                    // A generated column holds no data of its own: drop it and add it again.
                    Column renamed = new Column(name, before.type(), before.collation(), before.notNull(),
                            before.defaultExpr(), before.identity(), before.generatedExpr(), before.local(),
                            before.comment(), before.grants(), before.storage());
                    out.add(new DropColumn(table, strip(renamed), fromTable));
                    out.add(new CreateColumn(table, strip(after), fromTable));
                    return;
                }
                boolean retyped = !before.type().equals(after.type())
                        || !Objects.equals(before.collation(), after.collation());
                if (!swappedColumns().contains(TableChanges.column(fromTable, before.name()))) {
                    defaults(table, name, before.defaultExpr(), after.defaultExpr(), retyped || forced);
                }
                if (retyped) {
                    out.add(new AlterColumnType(table, name, before.type(), before.collation(), after.type(),
                            after.collation(), fromTable, using(table, name, before.type(), after.type(), false),
                            using(table, name, after.type(), before.type(), true)));
                }
                if (!sameIdentity(before.identity(), after.identity())) {
                    out.add(new AlterColumnIdentity(table, name, after.type(), before.identity(), after.identity()));
                }
                if (before.notNull() != after.notNull()) {
                    out.add(new AlterColumnNotNull(table, name, after.notNull()));
                }
            }
            comment(ref, before.comment(), after.comment());
            grants(ref, before.grants(), after.grants());
        }

        /**
         * The USING expression of a type change ({@code rollback}: of its inverse), or null where PostgreSQL converts
         * the values by itself: the user's {@code automigrate:using} hint, else the cast PostgreSQL has (an enum's
         * through its text); where there is none, the user must say how (bad input).
         */
        private String using(QualifiedName table, String column, String fromType, String toType, boolean rollback) {
            RenameHints.ColumnUsing hint = context.options().renames().using(table, column);
            if (hint != null && (rollback ? hint.rollbackUsing() : hint.using()) != null) {
                return rollback ? hint.rollbackUsing() : hint.using();
            }
            switch (casts().conversion(fromType, toType)) {
                case AUTOMATIC:
                    return null;
                case EXPLICIT:
                    return Sql.ident(column) + "::" + toType;
                case VIA_TEXT:
                    return Sql.ident(column) + "::text::" + toType;
                default:
                    AutomigrateException.Location where = hint == null ? null
                            : new AutomigrateException.Location(hint.file(), hint.line(), 0);
                    throw rollback
                            ? new UnconvertibleColumn(table, column, toType, fromType, true, where)
                            : new UnconvertibleColumn(table, column, fromType, toType, false, where);
            }
        }

        private ColumnCasts casts;
        private Set<ObjectRef> swappedColumns;

        /** Columns whose type is swapped under them: the swap drops their default and sets the desired one. */
        private Set<ObjectRef> swappedColumns() {
            if (swappedColumns == null) swappedColumns = TypeDiff.columnsInForwardSwap(context);
            return swappedColumns;
        }

        private ColumnCasts casts() {
            if (casts == null) casts = ColumnCasts.of(from, to);
            return casts;
        }

        /** A default, dropped and set again around a type change or a re-created object it uses. */
        private void defaults(QualifiedName table, String column, String before, String after, boolean around) {
            if (around && before != null) {
                out.add(new AlterColumnDefault(table, column, before, null));
                if (after != null) {
                    out.add(new AlterColumnDefault(table, column, null, after));
                }
            } else if (!Objects.equals(before, after)) {
                out.add(new AlterColumnDefault(table, column, before, after));
            }
        }

        private static boolean sameIdentity(Identity a, Identity b) {
            if (a == null || b == null) {
                return a == b;
            }
            return a.always() == b.always() && SequenceDefaults.comparable(a.options(), true)
                    .equals(SequenceDefaults.comparable(b.options(), true));
        }

        // ---- constraints

        private void constraints(Table before, Table after) {
            QualifiedName name = after.qualifiedName();
            QualifiedName old = before.qualifiedName();
            List<Constraint> dropped = new ArrayList<>();
            List<Constraint> added = new ArrayList<>();
            Set<String> adopted = keyAttachments(before, after);
            List<Constraint> currentLocal = local(before).stream().filter(c -> !adopted.contains(c.name())).toList();
            List<Constraint> desiredLocal = local(after).stream().filter(c -> !adopted.contains(c.name())).toList();
            pairs(currentLocal, desiredLocal, Constraint::name, (current, desired) -> {
                if (current == null) {
                    added.add(desired);
                } else if (desired == null) {
                    dropped.add(current);
                } else if (current.kind() != desired.kind()
                        || !renames.sql(current.definition(), name).equals(desired.definition())
                        || forcedMember(TableChanges.constraint(old, current.name()))) {
                    out.add(new DropConstraint(name, current, old));
                    out.add(new CreateConstraint(name, desired, old));
                } else {
                    constraintInPlace(name, current, desired);
                }
            });
            // The same constraint under another name (a renamed table's key keeps its old name): renamed.
            for (Constraint current : dropped) {
                Constraint same = forcedMember(TableChanges.constraint(old, current.name())) ? null
                        : added.stream().filter(d -> d.kind() == current.kind()
                        && renames.sql(current.definition(), name).equals(d.definition())).findFirst().orElse(null);
                if (same == null) {
                    out.add(new DropConstraint(name, current, old));
                } else {
                    added.remove(same);
                    out.add(new TableChanges.RenameConstraint(name, current.name(), same.name()));
                    constraintInPlace(name, current, same);
                }
            }
            added.forEach(desired -> out.add(new CreateConstraint(name, desired, old)));
        }

        /**
         * A partition's own key that the parent's new key adopts (PostgreSQL attaches an equal key instead of making
         * one), or that becomes the partition's own again when the parent's key goes: {@link
         * TableChanges.AlterKeyAttachment}. The names of such keys, which the constraint diff then leaves alone.
         */
        private Set<String> keyAttachments(Table before, Table after) {
            Set<String> names = new HashSet<>();
            QualifiedName name = after.qualifiedName();
            for (Constraint current : before.constraints()) {
                Constraint desired = after.constraint(current.name()).orElse(null);
                if (desired == null || current.local() == desired.local() || !isKey(current)
                        || current.kind() != desired.kind()
                        || !renames.sql(current.definition(), name).equals(desired.definition())) {
                    continue;
                }
                boolean attached = !desired.local();
                Table partition = attached ? after : before;
                Catalog side = attached ? to : from;
                Table parent = partition.partitionOf() == null ? null : side.table(partition.partitionOf()).orElse(null);
                Constraint parentKey = parent == null ? null : parent.constraints().stream()
                        .filter(k -> k.kind() == current.kind() && k.local()
                                && new HashSet<>(k.columns()).equals(new HashSet<>(current.columns())))
                        .findFirst().orElse(null);
                if (parentKey == null) {
                    continue;
                }
                names.add(current.name());
                if (movedPartitions().contains(name)) {
                    continue; // ATTACH PARTITION adopts the key, DETACH PARTITION leaves it the table's own
                }
                out.add(new TableChanges.AlterKeyAttachment(name, attached ? desired : current,
                        TableChanges.constraint(parent.qualifiedName(), parentKey.name()), attached));
            }
            return names;
        }

        private static boolean isKey(Constraint c) {
            return c.kind() == ConstraintKind.PRIMARY_KEY || c.kind() == ConstraintKind.UNIQUE;
        }

        private void constraintInPlace(QualifiedName table, Constraint current, Constraint desired) {
            if (current.validated() != desired.validated()) {
                out.add(new AlterConstraintValidation(table, desired, desired.validated()));
            }
            comment(TableChanges.constraint(table, desired.name()), current.comment(), desired.comment());
        }

        private static List<Constraint> local(Table table) {
            return table.constraints().stream().filter(Constraint::local).toList();
        }

        // ---- indexes

        private void indexes() {
            Set<QualifiedName> stable = stableParentIndexes();
            List<Index> current = currentIndexes();
            List<Index> desired = desiredIndexes(stable);
            // A parent index that only gains attached indexes attaches them (AlterIndexAttachments); one that loses
            // any, or changes validity otherwise, is re-created with them: PostgreSQL cannot detach an index. So is
            // the parent of a re-created attached index, which PostgreSQL will not drop on its own.
            Set<QualifiedName> rebuilt = new HashSet<>();
            Map<QualifiedName, TableChanges.AlterIndexAttachments> attaching = new TreeMap<>();
            boolean grew = true;
            while (grew) {
                grew = false;
                attaching.clear();
                for (QualifiedName parent : stable) {
                    if (rebuilt.contains(parent)) {
                        continue;
                    }
                    TableChanges.AlterIndexAttachments attach = attachments(parent, current, desired);
                    Set<QualifiedName> before = attachedNames(current, parent);
                    Set<QualifiedName> after = attachedNames(desired, parent);
                    boolean validity = from.index(parent).map(Index::valid).orElse(true)
                            != to.index(parent).map(Index::valid).orElse(true);
                    if (attach != null) {
                        attaching.put(parent, attach);
                    } else if (!before.equals(after) || validity) {
                        grew |= rebuilt.add(parent);
                    }
                }
                Map<QualifiedName, Index> wanted = new HashMap<>();
                desired.forEach(i -> wanted.put(i.qualifiedName(), i));
                for (Index before : current) {
                    Index after = wanted.get(before.qualifiedName());
                    QualifiedName parent = before.attachedTo();
                    if (parent != null && stable.contains(parent) && !rebuilt.contains(parent)
                            && (rebuilt.contains(before.qualifiedName()) || after != null && replaced(before, after))) {
                        grew |= rebuilt.add(parent);
                    }
                }
                Set<QualifiedName> kept = new HashSet<>(stable);
                kept.removeAll(rebuilt);
                desired = desiredIndexes(kept);
            }
            Set<QualifiedName> handled = new HashSet<>();
            attaching.values().forEach(a -> {
                out.add(a);
                a.added().forEach(i -> handled.add(i.qualifiedName()));
                for (Index i : a.added()) {
                    from.index(i.qualifiedName()).ifPresent(b -> comment(i.ref(), b.comment(), i.comment()));
                }
            });
            current = current.stream().filter(i -> !handled.contains(i.qualifiedName())).toList();
            desired = desired.stream().filter(i -> !handled.contains(i.qualifiedName())).toList();
            List<Index> dropped = new ArrayList<>();
            List<Index> added = new ArrayList<>();
            pairs(current, desired, Index::qualifiedName, (before, after) -> {
                if (before == null) {
                    added.add(after);
                } else if (after == null) {
                    dropped.add(before);
                } else if (rebuilt.contains(after.qualifiedName()) || replaced(before, after)
                        // attaching the last missing index is what makes a parent index valid
                        && !(attaching.containsKey(after.qualifiedName()) && !replaced(withValid(before), after))) {
                    out.add(dropIndex(before));
                    out.add(createIndex(after));
                } else {
                    comment(after.ref(), before.comment(), after.comment());
                }
            });
            // The same index under another name (a renamed table's indexes keep their old names): renamed.
            for (Index before : dropped) {
                Index same = context.mustRecreate(before.ref()) ? null : added.stream()
                        .filter(a -> a.schema().equals(before.schema()) && renamedTable(before.table()).equals(a.table())
                                && Objects.equals(before.attachedTo(), a.attachedTo())
                                && sameIndexDefinition(withName(before, a.name()), a))
                        .findFirst().orElse(null);
                if (same == null) {
                    out.add(dropIndex(before));
                } else {
                    added.remove(same);
                    out.add(new TableChanges.RenameIndex(before.qualifiedName(), same.qualifiedName()));
                    comment(same.ref(), before.comment(), same.comment());
                }
            }
            added.forEach(after -> out.add(createIndex(after)));
            copyNames();
        }

        /**
         * A copy PostgreSQL names otherwise than the schema does is renamed once its partition exists. Each name
         * PostgreSQL picks is taken for the next copy (by parent index name: the order it copies them in, as long
         * as they were created in that order).
         */
        private void copyNames() {
            Map<String, Set<String>> taken = new HashMap<>();
            List<Index> ordered = new ArrayList<>(copies);
            ordered.sort(Comparator.comparing((Index i) -> i.table().toString())
                    .thenComparing(i -> i.attachedTo().toString()));
            for (Index copy : ordered) {
                Set<String> names = taken.computeIfAbsent(copy.schema(), schema -> {
                    // a name the migration frees (a dropped or re-created table's, or its indexes') is free by then
                    Set<String> kept = relationNames(from, schema, this::tableGoes);
                    kept.retainAll(relationNames(to, schema, t -> false));
                    return kept;
                });
                Index parent = to.index(copy.attachedTo()).orElse(null);
                String made = parent == null ? null : IndexCopyNames.copyName(parent, copy.table().name(), names);
                if (made == null) {
                    continue;
                }
                names.add(made);
                if (!made.equals(copy.name())) {
                    out.add(new TableChanges.RenameIndex(new QualifiedName(copy.schema(), made), copy.qualifiedName(),
                            Set.of(ObjectRef.of(ObjectKind.TABLE, copy.table()))));
                }
            }
        }

        /** Names of a catalog's relations in {@code schema} (tables, views, sequences, indexes). */
        private static Set<String> relationNames(Catalog catalog, String schema,
                                                 java.util.function.Predicate<QualifiedName> leftOut) {
            Set<String> names = new HashSet<>();
            for (Table t : catalog.tables()) {
                if (t.schema().equals(schema) && !leftOut.test(t.qualifiedName())) {
                    names.add(t.name());
                    t.constraints().stream().filter(c -> c.kind() == ConstraintKind.PRIMARY_KEY
                            || c.kind() == ConstraintKind.UNIQUE || c.kind() == ConstraintKind.EXCLUSION)
                            .forEach(c -> names.add(c.name()));
                }
            }
            catalog.indexes().stream().filter(i -> i.schema().equals(schema) && !leftOut.test(i.table()))
                    .forEach(i -> names.add(i.name()));
            catalog.sequences().stream().filter(q -> q.schema().equals(schema)).forEach(q -> names.add(q.name()));
            catalog.views().stream().filter(v -> v.schema().equals(schema)).forEach(v -> names.add(v.name()));
            return names;
        }

        private static Index withValid(Index index) {
            return new Index(index.schema(), index.name(), index.table(), index.definition(), index.unique(),
                    index.comment(), index.attachedTo(), true);
        }

        /** Whether an index is dropped and created again (PostgreSQL alters neither its definition nor its parent). */
        private boolean replaced(Index before, Index after) {
            return context.mustRecreate(before.ref()) || !renamedTable(before.table()).equals(after.table())
                    || !sameIndexDefinition(before, after) || !Objects.equals(before.attachedTo(), after.attachedTo())
                    || before.valid() != after.valid();
        }

        /**
         * The attachments a parent index that stays gains, when it gains some and loses none, and neither it nor
         * its attached indexes are partitioned indexes with attachments of their own (the inverse re-creates the
         * parent, and one level of it); else null. An added index that exists as an index of its own is adopted.
         */
        private TableChanges.AlterIndexAttachments attachments(QualifiedName parent, List<Index> current,
                                                               List<Index> desired) {
            Index index = to.index(parent).orElse(null);
            if (index == null || index.attachedTo() != null) {
                return null;
            }
            List<Index> kept = current.stream().filter(i -> parent.equals(i.attachedTo())).toList();
            Set<QualifiedName> keptNames = attachedNames(current, parent);
            if (!attachedNames(desired, parent).containsAll(keptNames)) {
                return null;
            }
            List<Index> added = desired.stream().filter(i -> parent.equals(i.attachedTo())
                    && !keptNames.contains(i.qualifiedName())).toList();
            if (added.isEmpty() || Stream.concat(kept.stream(), added.stream())
                    .anyMatch(i -> i.definition().contains(" ON ONLY "))) {
                return null;
            }
            Set<QualifiedName> adopted = new TreeSet<>();
            for (Index child : added) {
                Index before = current.stream().filter(i -> i.qualifiedName().equals(child.qualifiedName()))
                        .findFirst().orElse(null);
                if (before == null) {
                    continue;
                }
                if (before.attachedTo() != null || context.mustRecreate(before.ref())
                        || !renamedTable(before.table()).equals(child.table()) || !sameIndexDefinition(before, child)) {
                    return null;
                }
                adopted.add(child.qualifiedName());
            }
            return new TableChanges.AlterIndexAttachments(from.index(parent).orElse(index), kept, added, adopted,
                    true);
        }

        /**
         * A created index of a partitioned table is made ON ONLY it, after its partitions exist (one created later
         * would get a copy PostgreSQL names), and each partition's index is then created and attached by name.
         */
        private CreateIndex createIndex(Index index) {
            return new CreateIndex(index, partitionsOf(to, index.table()));
        }

        /**
         * An index a detached partition keeps is dropped (or renamed) after the detach; one still attached is
         * dropped by PostgreSQL with its parent index or its table.
         */
        private DropIndex dropIndex(Index index) {
            QualifiedName table = renamedTable(index.table());
            boolean detached = index.attachedTo() == null && from.index(index.qualifiedName())
                    .map(Index::attachedTo).isPresent() && movedPartitions().contains(table);
            return new DropIndex(index, detached ? Set.of(ObjectRef.of(ObjectKind.TABLE, table)) : Set.of());
        }

        private static Set<ObjectRef> partitionsOf(Catalog catalog, QualifiedName table) {
            Set<ObjectRef> partitions = new HashSet<>();
            catalog.tables().stream().filter(t -> table.equals(t.partitionOf())).forEach(t -> partitions.add(t.ref()));
            return partitions;
        }

        private static Set<QualifiedName> attachedNames(List<Index> indexes, QualifiedName parent) {
            Set<QualifiedName> names = new TreeSet<>();
            indexes.stream().filter(i -> parent.equals(i.attachedTo())).forEach(i -> names.add(i.qualifiedName()));
            return names;
        }

        /** Tables (desired names) that are partitions on one side only, or of another parent or bound. */
        private Set<QualifiedName> movedPartitions() {
            Set<QualifiedName> moved = new HashSet<>();
            for (Table before : from.tables()) {
                QualifiedName name = renamedTable(before.qualifiedName());
                Table after = to.table(name).orElse(null);
                if (after == null) {
                    continue;
                }
                QualifiedName oldParent = before.partitionOf() == null ? null : renamedTable(before.partitionOf());
                if (!Objects.equals(oldParent, after.partitionOf())
                        || !Objects.equals(before.partitionBound(), after.partitionBound())) {
                    moved.add(name);
                }
            }
            return moved;
        }

        /** Whether a current table (current name) is dropped, or dropped and created again, by this migration. */
        private boolean tableGoes(QualifiedName current) {
            QualifiedName table = renamedTable(current);
            return to.table(table).isEmpty() || recreated.contains(table)
                    || context.mustRecreate(ObjectRef.of(ObjectKind.TABLE, current));
        }

        /** Tables (desired names) that do not exist before this migration, or are dropped and created again. */
        private boolean createdTable(QualifiedName desired) {
            Optional<Table> before = from.tables().stream()
                    .filter(t -> renamedTable(t.qualifiedName()).equals(desired)).findFirst();
            return before.isEmpty() || context.mustRecreate(before.get().ref()) || recreated.contains(desired);
        }

        /**
         * The current indexes as the diff sees them: a partition's index leaves its parent index when the partition
         * is detached (it stays as an index of its own), and goes with a dropped or re-created partition.
         */
        private List<Index> currentIndexes() {
            Set<QualifiedName> moved = movedPartitions();
            List<Index> current = new ArrayList<>();
            for (Index index : from.indexes()) {
                QualifiedName table = renamedTable(index.table());
                if (index.attachedTo() != null && tableGoes(index.table())) {
                    continue;
                }
                current.add(index.attachedTo() != null && moved.contains(table) ? index.attachedTo(null) : index);
            }
            return current;
        }

        /**
         * The desired indexes as the diff makes them: under a parent index that stays, a new partition gets its
         * copy from PostgreSQL, and a table attached as a partition brings its index (created first, so that ATTACH
         * PARTITION adopts it instead of making one).
         */
        private List<Index> desiredIndexes(Set<QualifiedName> stableParents) {
            Set<QualifiedName> moved = movedPartitions();
            // a copy PostgreSQL makes for a new partition is itself copied to that partition's new partitions
            Set<QualifiedName> copied = new HashSet<>();
            copies.clear();
            boolean grew = true;
            while (grew) {
                grew = false;
                for (Index index : to.indexes()) {
                    QualifiedName parent = index.attachedTo();
                    if (parent != null && (stableParents.contains(parent) || copied.contains(parent))
                            && createdTable(index.table())) {
                        grew |= copied.add(index.qualifiedName());
                    }
                }
            }
            List<Index> desired = new ArrayList<>();
            for (Index index : to.indexes()) {
                if (copied.contains(index.qualifiedName())) {
                    copies.add(index);
                    continue;
                }
                boolean adopted = index.attachedTo() != null && stableParents.contains(index.attachedTo())
                        && moved.contains(index.table());
                desired.add(adopted ? index.attachedTo(null) : index);
            }
            return desired;
        }

        /** Partitioned tables' indexes that exist on both sides and are not re-created for their own reasons. */
        private Set<QualifiedName> stableParentIndexes() {
            Set<QualifiedName> stable = new HashSet<>();
            for (Index after : to.indexes()) {
                Index before = from.index(after.qualifiedName()).orElse(null);
                if (before != null && !context.mustRecreate(before.ref())
                        && renamedTable(before.table()).equals(after.table()) && sameIndexDefinition(before, after)
                        && Objects.equals(before.attachedTo(), after.attachedTo())) {
                    stable.add(after.qualifiedName());
                }
            }
            return stable;
        }

        // ---- replica identity

        /**
         * A replica identity is set after the changes above, since {@code USING INDEX} needs its index: on a created
         * table, when it differs, and around an identity index that is dropped and created again (which loses it).
         * A dropped table's identity is set back to DEFAULT first, so that rollback sets it again after re-creating
         * the table and its index.
         */
        /**
         * Columns' STORAGE, COMPRESSION and STATISTICS. A column that is created, dropped or re-typed gets its
         * type's defaults from PostgreSQL (a new type resets storage and compression, not the statistics target):
         * its settings are set back to them before (so that the rollback, which creates it again, sets them too) and
         * set after.
         */
        private void columnStorages() {
            Set<ObjectRef> created = new HashSet<>();
            Set<ObjectRef> dropped = new HashSet<>();
            Set<ObjectRef> retyped = new HashSet<>();
            for (Change c : out) {
                if (c instanceof CreateTable t) {
                    t.table().columns().forEach(col -> created.add(TableChanges.column(t.table().qualifiedName(),
                            col.name())));
                } else if (c instanceof DropTable t) {
                    t.table().columns().forEach(col -> dropped.add(TableChanges.column(t.table().qualifiedName(),
                            col.name())));
                } else if (c instanceof CreateColumn col) {
                    created.add(TableChanges.column(col.table(), col.column().name()));
                } else if (c instanceof DropColumn col) {
                    dropped.add(TableChanges.column(col.fromTable(), col.column().name()));
                } else if (c instanceof AlterColumnType col) {
                    retyped.add(TableChanges.column(col.table(), col.column()));
                }
            }
            Set<ObjectRef> paired = new HashSet<>();
            for (Table after : to.tables()) {
                QualifiedName oldTable = tableRenames.getOrDefault(after.qualifiedName(), after.qualifiedName());
                Optional<Table> before = from.table(oldTable);
                Map<String, String> renamed = columnRenames.getOrDefault(after.qualifiedName(), Map.of());
                for (Column column : after.columns()) {
                    if (!column.local()) continue;
                    String oldName = renamed.getOrDefault(column.name(), column.name());
                    Optional<Column> current = before.flatMap(b -> b.column(oldName));
                    current.ifPresent(c -> paired.add(TableChanges.column(oldTable, oldName)));
                    ObjectRef now = TableChanges.column(oldTable, oldName);
                    ObjectRef next = TableChanges.column(after.qualifiedName(), column.name());
                    columnStorage(after.qualifiedName(), column.name(), current.orElse(null), column,
                            now, next,
                            created.contains(next) || current.isEmpty(), retyped.contains(next));
                }
            }
            for (Table before : from.tables()) {
                for (Column column : before.columns()) {
                    ObjectRef now = TableChanges.column(before.qualifiedName(), column.name());
                    if (column.local() && !paired.contains(now)) {
                        columnStorage(before.qualifiedName(), column.name(), column, null, now, null, false, false);
                    }
                }
            }
        }

        private void columnStorage(QualifiedName table, String column, Column before, Column after,
                                   ObjectRef now, ObjectRef next, boolean fresh, boolean retyped) {
            ColumnStorage b = before == null ? null : before.storage();
            ColumnStorage a = after == null ? null : after.storage();
            ColumnStorage start = b;
            if (b != null && (a == null || fresh || retyped)) {
                // back to what PostgreSQL gives the column before it is dropped or re-typed
                ColumnStorage reset = a != null && retyped && !fresh
                        ? new ColumnStorage(null, b.typeStorage(), null, b.statistics()) : b.reset();
                if (!sameSettings(b, reset)) {
                    out.add(new TableChanges.AlterColumnStorage(table, column, b, reset, Set.of(), Set.of(now)));
                }
                start = a == null ? null : a.reset();
                if (a != null && retyped && !fresh) {
                    start = new ColumnStorage(null, a.typeStorage(), null, b.statistics());
                }
            } else if (b == null && a != null) {
                start = a.reset();
            }
            if (a != null && !sameSettings(start, a)) {
                out.add(new TableChanges.AlterColumnStorage(table, column, start, a, Set.of(next), Set.of()));
            }
        }

        private static boolean sameSettings(ColumnStorage a, ColumnStorage b) {
            return Objects.equals(a.storage(), b.storage()) && Objects.equals(a.compression(), b.compression())
                    && Objects.equals(a.statistics(), b.statistics());
        }

        private void replicaIdentities() {
            Set<ObjectRef> created = new HashSet<>();
            Set<ObjectRef> dropped = new HashSet<>();
            for (Change c : out) {
                boolean holdsIndex = c instanceof CreateIndex || c instanceof DropIndex
                        || c instanceof TableChanges.CreateConstraint || c instanceof TableChanges.DropConstraint
                        || c instanceof CreateTable || c instanceof DropTable;
                if (holdsIndex && c.action() == ChangeAction.CREATE) {
                    created.add(c.target());
                } else if (holdsIndex && c.action() == ChangeAction.DROP) {
                    dropped.add(c.target());
                }
            }
            Set<QualifiedName> paired = new HashSet<>();
            for (Table after : to.tables()) {
                Optional<Table> before = from.table(tableRenames.getOrDefault(after.qualifiedName(),
                        after.qualifiedName()));
                before.ifPresent(b -> paired.add(b.qualifiedName()));
                replicaIdentity(before.orElse(null), after, created, dropped);
            }
            for (Table before : from.tables()) {
                if (!paired.contains(before.qualifiedName())) {
                    replicaIdentity(before, null, created, dropped);
                }
            }
        }

        private void replicaIdentity(Table before, Table after, Set<ObjectRef> created, Set<ObjectRef> dropped) {
            ReplicaIdentity b = before == null ? ReplicaIdentity.DEFAULT : before.replicaIdentity();
            ReplicaIdentity a = after == null ? ReplicaIdentity.DEFAULT : after.replicaIdentity();
            Set<ObjectRef> needs = identityRefs(after, a);
            Set<ObjectRef> uses = identityRefs(before, b);
            boolean oldGoes = uses.stream().anyMatch(dropped::contains);
            boolean newComes = needs.stream().anyMatch(created::contains);
            QualifiedName table = after != null ? after.qualifiedName() : before.qualifiedName();
            if (b.equals(a) && (!oldGoes || !newComes)) {
                return;
            }
            if (b.equals(a)) {
                // the identity index is dropped and created again: off it before, onto it after
                out.add(new TableChanges.AlterTableReplicaIdentity(table, b, ReplicaIdentity.DEFAULT, Set.of(), uses));
                out.add(new TableChanges.AlterTableReplicaIdentity(table, ReplicaIdentity.DEFAULT, a, needs, Set.of()));
                return;
            }
            out.add(new TableChanges.AlterTableReplicaIdentity(table, b, a, needs, uses));
        }

        /** The table and the index (or the key constraint whose index it is) an identity refers to. */
        private static Set<ObjectRef> identityRefs(Table table, ReplicaIdentity identity) {
            if (table == null || identity.mode() != ReplicaIdentity.Mode.USING_INDEX) {
                return table == null || identity.equals(ReplicaIdentity.DEFAULT) ? Set.of() : Set.of(table.ref());
            }
            ObjectRef index = table.constraint(identity.index())
                    .map(c -> TableChanges.constraint(table.qualifiedName(), c.name()))
                    .orElse(ObjectRef.of(ObjectKind.INDEX, new QualifiedName(table.schema(), identity.index())));
            return Set.of(table.ref(), index);
        }

        /** The index as it reads once renamed to {@code name}: its definition names it. */
        private static Index withName(Index index, String name) {
            String head = " INDEX " + io.automigrate.sqltext.Sql.ident(index.name()) + " ON ";
            String definition = index.definition().replaceFirst(java.util.regex.Pattern.quote(head),
                    java.util.regex.Matcher.quoteReplacement(" INDEX " + io.automigrate.sqltext.Sql.ident(name) + " ON "));
            return new Index(index.schema(), name, index.table(), definition, index.unique(), index.comment(),
                    index.attachedTo(), index.valid());
        }

        /** Definitions equal once renamed tables and columns in the current one read as their new names. */
        private boolean sameIndexDefinition(Index before, Index after) {
            return renames.sql(before.definition(), after.table()).equals(after.definition());
        }

        // ---- comments and grants

        private void comment(ObjectRef target, String before, String after) {
            if (!Objects.equals(before, after)) {
                out.add(new AlterComment(target, before, after));
            }
        }

        private void grants(ObjectRef target, List<Grant> before, List<Grant> after) {
            if (!privileges) {
                return;
            }
            Set<Grant> old = new TreeSet<>(before);
            Set<Grant> desired = new TreeSet<>(after);
            old.stream().filter(g -> !desired.contains(g)).forEach(g -> out.add(new AlterGrant(target, g, false)));
            desired.stream().filter(g -> !old.contains(g)).forEach(g -> out.add(new AlterGrant(target, g, true)));
        }

        // ---- notes

        /**
         * The misordered tables ({@link #misordered}) that can be re-created in the declared order: not those other
         * tables inherit from, which a re-creation would drop too (they keep their note).
         */
        private Set<QualifiedName> reorderedTables() {
            Set<QualifiedName> names = new TreeSet<>(new Run(context, false).misordered().keySet());
            names.removeIf(name -> from.tables().stream().anyMatch(t -> t.inherits().contains(
                    tableRenames.getOrDefault(name, name))));
            return names;
        }

        /**
         * The column-order notes of the tables the migration leaves misordered: all of {@link #misordered}, but for
         * the tables the options re-create in the declared order.
         */
        List<String> columnOrderNotes() {
            Map<QualifiedName, String> notes = new Run(context, false).misordered();
            if (rewriteOrder) {
                notes.keySet().removeAll(reorderedTables());
                notes.replaceAll((name, note) -> note.replace(REWRITE_HINT,
                        "not done for a table other tables inherit from, which a re-creation would drop"));
            }
            return new ArrayList<>(notes.values());
        }

        /**
         * Where the table the migration leaves has its columns in another order than the desired schema declares,
         * the table's note: PostgreSQL adds a column last and has no statement to move one, and column order is not
         * compared, so without this note the difference would be silent. Tables in an inheritance or partition tree
         * are left out: their column order follows their parent's. So are tables re-created anyway (in the
         * declared order).
         */
        private Map<QualifiedName, String> misordered() {
            List<Change> changes = changes();
            Map<QualifiedName, String> notes = new TreeMap<>();
            for (Table after : to.tables()) {
                QualifiedName name = after.qualifiedName();
                if (recreated.contains(name)) continue;
                Optional<Table> found = from.table(tableRenames.getOrDefault(name, name));
                if (found.isEmpty()) continue;
                Table before = found.get();
                if (!before.inherits().isEmpty() || !after.inherits().isEmpty() || before.partitionOf() != null
                        || after.partitionOf() != null) continue;
                Map<String, String> renames = columnRenames.getOrDefault(name, Map.of());
                Map<String, String> newNames = new HashMap<>();
                renames.forEach((newName, oldName) -> newNames.put(oldName, newName));
                List<String> dropped = new ArrayList<>();
                List<String> added = new ArrayList<>();
                for (Change c : changes) {
                    if (c instanceof DropColumn d && d.table().equals(name)) dropped.add(d.column().name());
                    if (c instanceof CreateColumn a && a.table().equals(name)) added.add(a.column().name());
                }
                List<String> result = new ArrayList<>();
                for (Column c : before.columns()) {
                    String now = newNames.getOrDefault(c.name(), c.name());
                    if (!dropped.contains(now)) result.add(now);
                }
                result.addAll(added);
                List<String> desired = after.columns().stream().map(Column::name).toList();
                if (result.equals(desired) || !new HashSet<>(result).equals(new HashSet<>(desired))) continue;
                List<String> kept = new ArrayList<>(result);
                kept.removeAll(added);
                List<String> declared = new ArrayList<>(desired);
                declared.removeAll(added);
                int lastKept = kept.isEmpty() ? -1 : desired.indexOf(kept.get(kept.size() - 1));
                List<String> misplaced = added.stream().filter(c -> desired.indexOf(c) < lastKept).toList();
                if (kept.equals(declared) && !misplaced.isEmpty()) {
                    notes.put(name, COLUMN_ORDER_NOTE + " in " + name + ": " + String.join(", ", misplaced)
                            + (misplaced.size() == 1 ? " is" : " are") + " placed last, not where the schema declares "
                            + (misplaced.size() == 1 ? "it" : "them") + " (PostgreSQL adds columns at the end; "
                            + "only re-creating the table would reorder them: " + REWRITE_HINT + ")");
                } else {
                    notes.put(name, COLUMN_ORDER_NOTE + " in " + name + ": the table keeps its columns in the order "
                            + String.join(", ", result) + "; the schema declares " + String.join(", ", desired)
                            + " (PostgreSQL cannot reorder columns without re-creating the table: " + REWRITE_HINT + ")");
                }
            }
            return notes;
        }

        List<String> renameSuggestions() {
            List<String> notes = new ArrayList<>();
            for (Table after : to.tables()) {
                QualifiedName old = tableRenames.getOrDefault(after.qualifiedName(), after.qualifiedName());
                from.table(old).ifPresent(before -> columnSuggestions(before, after, notes));
            }
            Set<QualifiedName> renamedFrom = new HashSet<>(tableRenames.values());
            for (Table gone : from.tables()) {
                if (to.table(gone.qualifiedName()).isPresent() || renamedFrom.contains(gone.qualifiedName())) {
                    continue;
                }
                for (Table added : to.tables()) {
                    if (added.schema().equals(gone.schema()) && from.table(added.qualifiedName()).isEmpty()
                            && !tableRenames.containsKey(added.qualifiedName())
                            && columnShapes(gone).equals(columnShapes(added))) {
                        notes.add(suggestion(gone.qualifiedName().toString(), added.name(), gone.name()));
                    }
                }
            }
            return notes;
        }

        private void columnSuggestions(Table before, Table after, List<String> notes) {
            Map<String, String> renames = columnRenames.getOrDefault(after.qualifiedName(), Map.of());
            for (Column gone : before.columns()) {
                if (!gone.local() || after.column(gone.name()).isPresent() || renames.containsValue(gone.name())) {
                    continue;
                }
                for (Column added : after.columns()) {
                    if (added.local() && before.column(added.name()).isEmpty() && !renames.containsKey(added.name())
                            && added.type().equals(gone.type())) {
                        notes.add(suggestion(after.qualifiedName() + "." + gone.name(), added.name(), gone.name()));
                    }
                }
            }
        }

        private static Set<String> columnShapes(Table table) {
            Set<String> shapes = new TreeSet<>();
            table.columns().forEach(c -> shapes.add(c.name() + " " + c.type()));
            return shapes;
        }

        private static String suggestion(String old, String newName, String oldName) {
            return "possible rename of " + old + " to " + newName + ": add \"-- automigrate:renamed-from " + oldName
                    + "\" on the line of " + newName + " in the schema file";
        }

        /** Calls {@code diff} for every key on either side, in key order, with null for a missing side. */
        private static <T, K extends Comparable<K>> void pairs(List<T> before, List<T> after, Function<T, K> key,
                                                               java.util.function.BiConsumer<T, T> diff) {
            Map<K, T> old = new LinkedHashMap<>();
            before.forEach(t -> old.put(key.apply(t), t));
            Map<K, T> desired = new LinkedHashMap<>();
            after.forEach(t -> desired.put(key.apply(t), t));
            Set<K> keys = new TreeSet<>(old.keySet());
            keys.addAll(desired.keySet());
            for (K k : keys) {
                diff.accept(old.get(k), desired.get(k));
            }
        }
    }
}
