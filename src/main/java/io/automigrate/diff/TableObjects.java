package io.automigrate.diff;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Collation;
import io.automigrate.catalog.Column;
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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
        return new Run(context).renameSuggestions();
    }

    /** One diff: the context, the renames that apply, and the changes found so far. */
    private static final class Run {
        private final DiffContext context;
        private final Catalog from;
        private final Catalog to;
        private final boolean privileges;
        /** Desired table name → its name in {@code from}, for hinted renames that apply. */
        private final Map<QualifiedName, QualifiedName> tableRenames = new TreeMap<>();
        /** Desired table name → (desired column → column name in {@code from}). */
        private final Map<QualifiedName, Map<String, String>> columnRenames = new TreeMap<>();
        private final List<Change> out = new ArrayList<>();

        Run(DiffContext context) {
            this.context = context;
            this.from = context.from();
            this.to = context.to();
            this.privileges = context.options().withPrivileges();
            for (RenameHints.TableRename hint : context.options().renames().tables()) {
                QualifiedName old = new QualifiedName(hint.to().schema(), hint.fromName());
                if (from.table(old).isPresent() && to.table(old).isEmpty() && to.table(hint.to()).isPresent()
                        && from.table(hint.to()).isEmpty()) {
                    tableRenames.put(hint.to(), old);
                }
            }
            for (RenameHints.ColumnRename hint : context.options().renames().columns()) {
                Optional<Table> desired = to.table(hint.table());
                Optional<Table> current = from.table(tableRenames.getOrDefault(hint.table(), hint.table()));
                if (desired.isPresent() && current.isPresent()
                        && current.get().column(hint.fromColumn()).isPresent()
                        && current.get().column(hint.toColumn()).isEmpty()
                        && desired.get().column(hint.toColumn()).isPresent()
                        && desired.get().column(hint.fromColumn()).isEmpty()) {
                    columnRenames.computeIfAbsent(hint.table(), k -> new TreeMap<>())
                            .put(hint.toColumn(), hint.fromColumn());
                }
            }
        }

        List<Change> changes() {
            schemas();
            extensions();
            collations();
            sequences();
            tables();
            indexes();
            replicaIdentities();
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
            for (Table after : to.tables()) {
                QualifiedName old = tableRenames.getOrDefault(after.qualifiedName(), after.qualifiedName());
                Optional<Table> before = from.table(old);
                if (before.isPresent()) {
                    paired.add(old);
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
                    c.identity(), c.generatedExpr(), c.local(), c.comment(), List.of());
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
                out.add(new AlterPartitionAttachment(name, after.partitionOf(), after.partitionBound(), true,
                        members(after)));
            }
        }

        private void inheritance(Table before, Table after) {
            Set<QualifiedName> old = new TreeSet<>();
            before.inherits().forEach(p -> old.add(renamedTable(p)));
            Set<QualifiedName> desired = new TreeSet<>(after.inherits());
            for (QualifiedName parent : old) {
                if (!desired.contains(parent)) {
                    out.add(new AlterTableInheritance(after.qualifiedName(), parent, false, members(after)));
                }
            }
            for (QualifiedName parent : desired) {
                if (!old.contains(parent)) {
                    out.add(new AlterTableInheritance(after.qualifiedName(), parent, true, members(after)));
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

        private void column(QualifiedName fromTable, QualifiedName table, Column before, Column after) {
            String name = after.name();
            ObjectRef ref = TableChanges.column(table, name);
            boolean forced = context.mustRecreate(TableChanges.column(fromTable, before.name()));
            if (before.local() || after.local()) {
                if (before.generatedExpr() != null && after.generatedExpr() == null && !forced
                        && before.type().equals(after.type())) {
                    Column generated = new Column(name, before.type(), before.collation(), before.notNull(), null,
                            null, before.generatedExpr(), before.local(), before.comment(), before.grants());
                    out.add(new TableChanges.AlterColumnExpression(table, strip(generated), strip(after), true, fromTable));
                    // What else changed is diffed against the column as DROP EXPRESSION leaves it.
                    column(fromTable, table, new Column(name, before.type(), before.collation(), before.notNull(),
                            null, null, null, before.local(), before.comment(), before.grants()), after);
                    return;
                }
                if (!Objects.equals(before.generatedExpr(), after.generatedExpr())
                        || forced && after.generatedExpr() != null) {
                    // A generated column holds no data of its own: drop it and add it again.
                    Column renamed = new Column(name, before.type(), before.collation(), before.notNull(),
                            before.defaultExpr(), before.identity(), before.generatedExpr(), before.local(),
                            before.comment(), before.grants());
                    out.add(new DropColumn(table, strip(renamed), fromTable));
                    out.add(new CreateColumn(table, strip(after), fromTable));
                    return;
                }
                boolean retyped = !before.type().equals(after.type())
                        || !Objects.equals(before.collation(), after.collation());
                defaults(table, name, before.defaultExpr(), after.defaultExpr(), retyped || forced);
                if (retyped) {
                    out.add(new AlterColumnType(table, name, before.type(), before.collation(), after.type(),
                            after.collation(), fromTable));
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
            pairs(local(before), local(after), Constraint::name, (current, desired) -> {
                if (current == null) {
                    out.add(new CreateConstraint(name, desired, old));
                } else if (desired == null) {
                    out.add(new DropConstraint(name, current, old));
                } else if (current.kind() != desired.kind()
                        || !renamedColumns(name, current.definition()).equals(desired.definition())
                        || context.mustRecreate(TableChanges.constraint(old, current.name()))) {
                    out.add(new DropConstraint(name, current, old));
                    out.add(new CreateConstraint(name, desired, old));
                } else {
                    if (current.validated() != desired.validated()) {
                        out.add(new AlterConstraintValidation(name, desired, desired.validated()));
                    }
                    comment(TableChanges.constraint(name, desired.name()), current.comment(), desired.comment());
                }
            });
        }

        private static List<Constraint> local(Table table) {
            return table.constraints().stream().filter(Constraint::local).toList();
        }

        // ---- indexes

        private void indexes() {
            pairs(from.indexes(), to.indexes(), Index::qualifiedName, (before, after) -> {
                if (before == null) {
                    out.add(new CreateIndex(after));
                } else if (after == null) {
                    out.add(new DropIndex(before));
                } else if (context.mustRecreate(before.ref()) || !renamedTable(before.table()).equals(after.table())
                        || !sameIndexDefinition(before, after)) {
                    out.add(new DropIndex(before));
                    out.add(new CreateIndex(after));
                } else {
                    comment(after.ref(), before.comment(), after.comment());
                }
            });
        }

        // ---- replica identity

        /**
         * A replica identity is set after the changes above, since {@code USING INDEX} needs its index: on a created
         * table, when it differs, and around an identity index that is dropped and created again (which loses it).
         * A dropped table's identity is set back to DEFAULT first, so that rollback sets it again after re-creating
         * the table and its index.
         */
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

        /** Definitions equal once a renamed table's old name in the current one is read as its new name. */
        private boolean sameIndexDefinition(Index before, Index after) {
            String definition = renamedColumns(after.table(), before.definition());
            if (before.table().equals(after.table())) {
                return definition.equals(after.definition());
            }
            String oldOn = " ON " + io.automigrate.sqltext.Sql.qualified(before.table()) + " ";
            String newOn = " ON " + io.automigrate.sqltext.Sql.qualified(after.table()) + " ";
            String oldOnly = " ON ONLY " + io.automigrate.sqltext.Sql.qualified(before.table()) + " ";
            String newOnly = " ON ONLY " + io.automigrate.sqltext.Sql.qualified(after.table()) + " ";
            return definition.replace(oldOn, newOn).replace(oldOnly, newOnly).equals(after.definition());
        }

        /** SQL of {@code from} on a table whose columns a hint renames, with the new column names. */
        private String renamedColumns(QualifiedName table, String sql) {
            Map<String, String> renames = columnRenames.getOrDefault(table, Map.of());
            if (renames.isEmpty()) {
                return sql;
            }
            Map<String, String> newByOld = new java.util.HashMap<>();
            renames.forEach((newName, oldName) -> newByOld.put(oldName, newName));
            return Identifiers.rename(sql, newByOld);
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
