package io.automigrate.diff;

import io.automigrate.catalog.Collation;
import io.automigrate.catalog.Column;
import io.automigrate.catalog.ColumnStorage;
import io.automigrate.diff.OrderingHints.Group;
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
import io.automigrate.catalog.SequenceOptions;
import io.automigrate.catalog.Table;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The changes of {@link TableObjects}: schemas, extensions, sequences, tables, columns, constraints, indexes,
 * and their comments and grants. Each record holds the state on both sides it needs, so {@code inverse()} is exact.
 * Table names are as in the desired catalog (after a rename); {@code fromTable} is the name in the current one.
 */
public final class TableChanges {
    private TableChanges() {
    }

    static ObjectRef column(QualifiedName table, String column) {
        return ObjectRef.member(ObjectKind.COLUMN, table, column);
    }

    static ObjectRef constraint(QualifiedName table, String constraint) {
        return ObjectRef.member(ObjectKind.CONSTRAINT, table, constraint);
    }

    /** The sequence name PostgreSQL picks for an identity column when it is free. */
    static Set<ObjectRef> identitySequenceName(QualifiedName table, String column) {
        String name = table.name() + "_" + column + "_seq";
        return name.getBytes(StandardCharsets.UTF_8).length <= 63
                ? Set.of(ObjectRef.of(ObjectKind.SEQUENCE, new QualifiedName(table.schema(), name)))
                : Set.of();
    }

    public record CreateSchema(Schema schema) implements Change {
        public ObjectRef target() {
            return schema.ref();
        }

        public ChangeAction action() {
            return ChangeAction.CREATE;
        }

        public Change inverse() {
            return new DropSchema(schema);
        }

        public String describe() {
            return "create schema " + schema.name();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    public record DropSchema(Schema schema) implements Change {
        public ObjectRef target() {
            return schema.ref();
        }

        public ChangeAction action() {
            return ChangeAction.DROP;
        }

        public Change inverse() {
            return new CreateSchema(schema);
        }

        public String describe() {
            return "drop schema " + schema.name();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    public record CreateExtension(Extension extension) implements Change {
        public ObjectRef target() {
            return extension.ref();
        }

        public ChangeAction action() {
            return ChangeAction.CREATE;
        }

        public Change inverse() {
            return new DropExtension(extension);
        }

        public String describe() {
            return "create extension " + extension.name();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    public record DropExtension(Extension extension) implements Change {
        public ObjectRef target() {
            return extension.ref();
        }

        public ChangeAction action() {
            return ChangeAction.DROP;
        }

        public Change inverse() {
            return new CreateExtension(extension);
        }

        public String describe() {
            return "drop extension " + extension.name();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code CREATE COLLATION}. Ordered with types: before the columns, domains and indexes that use it (their
     * dependencies on it say so).
     */
    public record CreateCollation(Collation collation) implements Change, OrderingHints {
        public ObjectRef target() {
            return collation.ref();
        }

        public ChangeAction action() {
            return ChangeAction.CREATE;
        }

        public Change inverse() {
            return new DropCollation(collation);
        }

        public String describe() {
            return "create collation " + collation.qualifiedName();
        }

        public Group group() {
            return Group.TYPE;
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** {@code DROP COLLATION}, after what uses it. */
    public record DropCollation(Collation collation) implements Change, OrderingHints {
        public ObjectRef target() {
            return collation.ref();
        }

        public ChangeAction action() {
            return ChangeAction.DROP;
        }

        public Change inverse() {
            return new CreateCollation(collation);
        }

        public String describe() {
            return "drop collation " + collation.qualifiedName();
        }

        public Group group() {
            return Group.TYPE;
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    public record AlterExtensionVersion(String name, String before, String after) implements Change {
        public ObjectRef target() {
            return ObjectRef.extension(name);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterExtensionVersion(name, after, before);
        }

        public String describe() {
            return "update extension " + name + " from " + before + " to " + after;
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** A sequence without OWNED BY (that is {@link AlterSequenceOwner}, which needs the column to exist). */
    public record CreateSequence(Sequence sequence) implements Change {
        public ObjectRef target() {
            return sequence.ref();
        }

        public ChangeAction action() {
            return ChangeAction.CREATE;
        }

        public Change inverse() {
            return new DropSequence(sequence);
        }

        public String describe() {
            return "create sequence " + sequence.qualifiedName();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** The inverse of {@link CreateSequence}. */
    public record DropSequence(Sequence sequence) implements Change {
        public ObjectRef target() {
            return sequence.ref();
        }

        public ChangeAction action() {
            return ChangeAction.DROP;
        }

        public Change inverse() {
            return new CreateSequence(sequence);
        }

        public String describe() {
            return "drop sequence " + sequence.qualifiedName();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    public record AlterSequence(QualifiedName name, SequenceOptions before, SequenceOptions after) implements Change,
            OrderingHints {
        public ObjectRef target() {
            return ObjectRef.of(ObjectKind.SEQUENCE, name);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterSequence(name, after, before);
        }

        public String describe() {
            return "alter sequence " + name + " options";
        }

        public Step step() {
            return Step.ADJUST;
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** {@code ALTER SEQUENCE ... OWNED BY}; {@code before}/{@code after} are column refs or null for NONE. */
    public record AlterSequenceOwner(QualifiedName name, ObjectRef before, ObjectRef after) implements Change,
            OrderingHints {
        public ObjectRef target() {
            return ObjectRef.of(ObjectKind.SEQUENCE, name);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterSequenceOwner(name, after, before);
        }

        public String describe() {
            return "set owner of sequence " + name + " to " + (after == null ? "none" : after.toString());
        }

        public Step step() {
            return after == null ? Step.REMOVE : Step.ADD;
        }

        public Set<ObjectRef> needs() {
            return after == null ? Set.of() : Set.of(after);
        }

        public Set<ObjectRef> usesUntilDropped() {
            return before == null ? Set.of() : Set.of(before);
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A whole table with its columns, non-FK constraints, comments, grants and row-level security flags. Foreign
     * keys and NOT VALID constraints are separate {@link CreateConstraint} changes.
     */
    public record CreateTable(Table table) implements Change {
        public ObjectRef target() {
            return table.ref();
        }

        public ChangeAction action() {
            return ChangeAction.CREATE;
        }

        public Change inverse() {
            return new DropTable(table);
        }

        public String describe() {
            return "create table " + table.qualifiedName();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** The inverse of {@link CreateTable}: the table's whole state, so that the rollback can create it again. */
    public record DropTable(Table table) implements Change {
        public ObjectRef target() {
            return table.ref();
        }

        public ChangeAction action() {
            return ChangeAction.DROP;
        }

        public Change inverse() {
            return new CreateTable(table);
        }

        public String describe() {
            return "drop table " + table.qualifiedName();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    public record RenameTable(QualifiedName from, QualifiedName to) implements Change, OrderingHints {
        public ObjectRef target() {
            return ObjectRef.of(ObjectKind.TABLE, to);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new RenameTable(to, from);
        }

        public String describe() {
            return "rename table " + from + " to " + to.name();
        }

        public Step step() {
            return Step.RENAME;
        }

        public Set<ObjectRef> takesNames() {
            return Set.of(target());
        }

        public Set<ObjectRef> freesNames() {
            return Set.of(renamedFrom());
        }

        public ObjectRef renamedFrom() {
            return ObjectRef.of(ObjectKind.TABLE, from);
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    public record AlterTableLogged(QualifiedName table, boolean unloggedBefore, boolean unloggedAfter) implements Change {
        public ObjectRef target() {
            return ObjectRef.of(ObjectKind.TABLE, table);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterTableLogged(table, unloggedAfter, unloggedBefore);
        }

        public String describe() {
            return "set table " + table + (unloggedAfter ? " unlogged" : " logged");
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** Storage parameters ({@code name=value}), sorted. */
    public record AlterTableStorage(QualifiedName table, List<String> before, List<String> after) implements Change {
        public AlterTableStorage {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }

        public ObjectRef target() {
            return ObjectRef.of(ObjectKind.TABLE, table);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterTableStorage(table, after, before);
        }

        public String describe() {
            return "set storage parameters of table " + table;
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code ATTACH PARTITION} ({@code attach}) or {@code DETACH PARTITION}. An attached table must already have
     * its final columns; a detached one is changed afterwards.
     */
    public record AlterPartitionAttachment(QualifiedName table, QualifiedName parent, String bound, boolean attach,
                                      Set<ObjectRef> members) implements Change, OrderingHints {
        public AlterPartitionAttachment {
            members = Set.copyOf(members);
        }

        public ObjectRef target() {
            return ObjectRef.of(ObjectKind.TABLE, table);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterPartitionAttachment(table, parent, bound, !attach, members);
        }

        public String describe() {
            return (attach ? "attach partition " : "detach partition ") + table + (attach ? " to " : " from ") + parent;
        }

        public Step step() {
            return attach ? Step.ADD : Step.REMOVE;
        }

        public Set<ObjectRef> settledFirst() {
            return attach ? membersAndParent() : Set.of();
        }

        public Set<ObjectRef> usesUntilDropped() {
            return attach ? Set.of() : Set.of(ObjectRef.of(ObjectKind.TABLE, parent));
        }

        private Set<ObjectRef> membersAndParent() {
            java.util.Set<ObjectRef> refs = new java.util.HashSet<>(members);
            refs.add(ObjectRef.of(ObjectKind.TABLE, parent));
            return refs;
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code ALTER INDEX parent ATTACH PARTITION child} for each index in {@code added} that a partitioned table's
     * index which stays gains ({@code attach}); those named in {@code adopted} exist already as indexes of their
     * own, the others are created first. PostgreSQL has no DETACH for an index, so the other direction drops the
     * parent index (which drops every index attached to it), creates it again ON ONLY its table with the indexes
     * attached before ({@code kept}), and the adopted ones as indexes of their own. {@code parent} is as before.
     */
    public record AlterIndexAttachments(Index parent, List<Index> kept, List<Index> added, Set<QualifiedName> adopted,
                                        boolean attach) implements Change, OrderingHints {
        public AlterIndexAttachments {
            kept = List.copyOf(kept);
            added = List.copyOf(added);
            adopted = Set.copyOf(adopted);
        }

        public ObjectRef target() {
            return parent.ref();
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterIndexAttachments(parent, kept, added, adopted, !attach);
        }

        public String describe() {
            return (attach ? "attach to index " : "detach from index ") + parent.qualifiedName() + " "
                    + added.stream().map(i -> i.qualifiedName().toString()).collect(java.util.stream.Collectors
                    .joining(", "));
        }

        public Step step() {
            return attach ? Step.ADD : Step.REMOVE;
        }

        /** The partitions whose indexes are attached: their changes come first. */
        public Set<ObjectRef> settledFirst() {
            Set<ObjectRef> tables = new java.util.HashSet<>();
            added.forEach(i -> tables.add(ObjectRef.of(ObjectKind.TABLE, i.table())));
            return tables;
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A partition's own primary key or unique constraint that backs its parent's equal key ({@code attached}): the
     * parent's {@code ADD CONSTRAINT} adopts it, so nothing runs, before that key is added. The other way (the key
     * is the partition's own again) it is added back after the parent's key is dropped, which drops it with it.
     */
    public record AlterKeyAttachment(QualifiedName table, Constraint constraint, ObjectRef parentKey,
                                     boolean attached) implements Change, OrderingHints {
        public ObjectRef target() {
            return TableChanges.constraint(table, constraint.name());
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterKeyAttachment(table, constraint, parentKey, !attached);
        }

        public String describe() {
            return (attached ? "attach key " : "detach key ") + table + "." + constraint.name()
                    + (attached ? " to " : " from ") + parentKey.qualifiedName() + "." + parentKey.member();
        }

        public Group group() {
            return Group.CONSTRAINT;
        }

        public Set<ObjectRef> precedes() {
            return attached ? Set.of(parentKey) : Set.of();
        }

        public Set<ObjectRef> droppedFirst() {
            return attached ? Set.of() : Set.of(parentKey);
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The rows of a table that is re-created (PostgreSQL cannot change whether or how a table is partitioned in
     * place): {@code save} copies them into a holding table ({@code CREATE TABLE ... AS}) before the old shape is
     * dropped; the other direction puts them into the new shape once it and its partitions exist, moves its
     * sequences past the copied values and drops the holding table. Each direction is the other's inverse, so the
     * rollback copies the rows back the same way. {@code table} is the shape on this change's side, {@code columns}
     * the copied columns in the holding table's order under this side's names; {@code tree} the tables (the table
     * and its partitions) the rows live in on this side; {@code afterRows} triggers and policies of the new shape
     * that must not exist while the rows are copied in (a trigger would fire for each copied row);
     * {@code ownedSequences} the sequences owned by its columns (serial), column → sequence, which are let go before
     * the drop (DROP TABLE would drop them too) and owned again after the copy.
     */
    public record RecreateTableRows(Table table, List<String> columns, boolean save, Set<ObjectRef> tree,
                                Set<ObjectRef> afterRows, java.util.Map<String, QualifiedName> ownedSequences,
                                QualifiedName holding)
            implements Change, OrderingHints {
        public RecreateTableRows {
            columns = List.copyOf(columns);
            ownedSequences = java.util.Map.copyOf(ownedSequences);
            tree = Set.copyOf(tree);
            afterRows = Set.copyOf(afterRows);
        }

        /**
         * The holding table's name for the table named {@code desired} in the desired schema: beside the table, so
         * that the schema's privileges and quotas apply, and the same for both copies when the table is renamed too.
         */
        public static QualifiedName holdingFor(QualifiedName desired) {
            String name = "automigrate_rows_of_" + desired.name();
            while (name.getBytes(StandardCharsets.UTF_8).length > 63) {
                name = name.substring(0, name.length() - 1);
            }
            return new QualifiedName(desired.schema(), name);
        }

        public ObjectRef target() {
            return ObjectRef.of(ObjectKind.TABLE, holding());
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new RecreateTableRows(table, columns, !save, tree, afterRows, ownedSequences, holding);
        }

        public String describe() {
            return (save ? "copy the rows of table " : "copy the rows back into re-created table ")
                    + table.qualifiedName();
        }

        public Group group() {
            return Group.TABLE;
        }

        public Step step() {
            return save ? Step.RENAME : Step.ADD;
        }

        public Set<ObjectRef> usesUntilDropped() {
            return save ? tree : Set.of();
        }

        public Set<ObjectRef> needs() {
            return save ? Set.of() : tree;
        }

        public Set<ObjectRef> precedes() {
            return save ? Set.of() : afterRows;
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code INHERIT parent} or {@code NO INHERIT parent}. {@code recreatedOnRollback}: the table has columns it only
     * inherits from {@code parent} on the side without NO INHERIT; INHERIT leaves every column declared by the table
     * itself too ({@code attislocal}), and no statement undoes that for a column, so the side with INHERIT is reached
     * by re-creating the table (its inverse's dependants, the table itself, see {@link #invalidatesOnRollback()}).
     */
    public record AlterTableInheritance(QualifiedName table, QualifiedName parent, boolean inherit, Set<ObjectRef> members,
                                        boolean recreatedOnRollback) implements Change, OrderingHints {
        public AlterTableInheritance {
            members = Set.copyOf(members);
        }

        /** The rollback of a NO INHERIT re-creates the table: what depends on it moves in the rollback only. */
        public Set<ObjectRef> invalidatesOnRollback() {
            return recreatedOnRollback && !inherit ? Set.of(target()) : Set.of();
        }

        public ObjectRef target() {
            return ObjectRef.of(ObjectKind.TABLE, table);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterTableInheritance(table, parent, !inherit, members, recreatedOnRollback);
        }

        public String describe() {
            return (inherit ? "make table " : "stop table ") + table + (inherit ? " inherit " : " inheriting ") + parent;
        }

        public Step step() {
            return inherit ? Step.ADD : Step.REMOVE;
        }

        public Set<ObjectRef> settledFirst() {
            if (!inherit) {
                return Set.of();
            }
            java.util.Set<ObjectRef> refs = new java.util.HashSet<>(members);
            refs.add(ObjectRef.of(ObjectKind.TABLE, parent));
            return refs;
        }

        public Set<ObjectRef> usesUntilDropped() {
            return inherit ? Set.of() : Set.of(ObjectRef.of(ObjectKind.TABLE, parent));
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    public record AlterRowSecurity(QualifiedName table, boolean enabledBefore, boolean forcedBefore, boolean enabledAfter,
                              boolean forcedAfter) implements Change {
        public ObjectRef target() {
            return ObjectRef.of(ObjectKind.TABLE, table);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterRowSecurity(table, enabledAfter, forcedAfter, enabledBefore, forcedBefore);
        }

        public String describe() {
            return "set row level security of table " + table;
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code REPLICA IDENTITY}. {@code needs}: the index (or key constraint) and table an identity {@code USING INDEX}
     * needs created first; {@code uses}: the old index and table, dropped only after this change, so that rollback
     * (in reverse) sets the old identity again after re-creating them.
     */
    public record AlterTableReplicaIdentity(QualifiedName table, ReplicaIdentity before, ReplicaIdentity after,
                                            Set<ObjectRef> needs, Set<ObjectRef> uses)
            implements Change, OrderingHints {
        public AlterTableReplicaIdentity {
            needs = Set.copyOf(needs);
            uses = Set.copyOf(uses);
        }

        public ObjectRef target() {
            return ObjectRef.of(ObjectKind.TABLE, table);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterTableReplicaIdentity(table, after, before, uses, needs);
        }

        public String describe() {
            return "set replica identity of table " + table;
        }

        public Group group() {
            return Group.INDEX;
        }

        /** Away from an index first (before that index is dropped), onto one last (after it is created). */
        public Step step() {
            if (after.equals(ReplicaIdentity.DEFAULT) && before.mode() == ReplicaIdentity.Mode.USING_INDEX) {
                return Step.REMOVE;
            }
            return after.mode() == ReplicaIdentity.Mode.USING_INDEX ? Step.ADD : Step.ADJUST;
        }

        public Set<ObjectRef> settledFirst() {
            return needs;
        }

        public Set<ObjectRef> usesUntilDropped() {
            return uses;
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** {@code ADD COLUMN}, with its comment and grants. */
    public record CreateColumn(QualifiedName table, Column column, QualifiedName fromTable)
            implements Change, OrderingHints {
        public ObjectRef target() {
            return TableChanges.column(table, column.name());
        }

        public ChangeAction action() {
            return ChangeAction.CREATE;
        }

        public Change inverse() {
            return new DropColumn(table, column, fromTable);
        }

        public String describe() {
            return "add column " + table + "." + column.name();
        }

        public Set<ObjectRef> takesNames() {
            return column.identity() != null ? identitySequenceName(table, column.name()) : Set.of();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** {@code DROP COLUMN}; the column as it was, for the rollback. */
    public record DropColumn(QualifiedName table, Column column, QualifiedName fromTable) implements Change {
        public ObjectRef target() {
            return TableChanges.column(table, column.name());
        }

        public ChangeAction action() {
            return ChangeAction.DROP;
        }

        public Change inverse() {
            return new CreateColumn(table, column, fromTable);
        }

        public String describe() {
            return "drop column " + table + "." + column.name();
        }

        public Set<ObjectRef> invalidates() {
            return Set.of(TableChanges.column(fromTable, column.name()));
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A generated column made plain with {@code DROP EXPRESSION}, which keeps its values; the inverse has no such
     * statement before PostgreSQL 17, so it drops the column and adds it generated again.
     */
    public record AlterColumnExpression(QualifiedName table, Column generated, Column plain, boolean dropExpression,
                                   QualifiedName fromTable) implements Change {
        public ObjectRef target() {
            return TableChanges.column(table, plain.name());
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterColumnExpression(table, generated, plain, !dropExpression, fromTable);
        }

        public String describe() {
            return (dropExpression ? "drop expression of column " : "make column generated ") + table + "."
                    + plain.name();
        }

        public Set<ObjectRef> invalidates() {
            return Set.of(TableChanges.column(fromTable, plain.name()));
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code ALTER COLUMN ... SET EXPRESSION AS (...)} (PostgreSQL 17+): a generated column's new expression, computed
     * again for every row in place; what uses the column is re-created around it.
     */
    public record AlterColumnGeneration(QualifiedName table, String column, String before, String after,
                                        QualifiedName fromTable) implements Change {
        public ObjectRef target() {
            return TableChanges.column(table, column);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterColumnGeneration(table, column, after, before, fromTable);
        }

        public String describe() {
            return "set expression of generated column " + table + "." + column;
        }

        public Set<ObjectRef> invalidates() {
            return Set.of(TableChanges.column(fromTable, column));
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    public record RenameColumn(QualifiedName table, String from, String to) implements Change, OrderingHints {
        public ObjectRef target() {
            return TableChanges.column(table, to);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new RenameColumn(table, to, from);
        }

        public String describe() {
            return "rename column " + table + "." + from + " to " + to;
        }

        public Step step() {
            return Step.RENAME;
        }

        public Set<ObjectRef> takesNames() {
            return Set.of(target());
        }

        public Set<ObjectRef> freesNames() {
            return Set.of(renamedFrom());
        }

        public ObjectRef renamedFrom() {
            return TableChanges.column(table, from);
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code ALTER COLUMN ... TYPE ... [COLLATE ...] [USING ...]}; the column's dependants are re-created.
     * {@code using} is the USING expression (null where PostgreSQL converts the values by itself), {@code usingBack}
     * that of the inverse.
     */
    public record AlterColumnType(QualifiedName table, String column, String typeBefore, String collationBefore,
                             String typeAfter, String collationAfter, QualifiedName fromTable, String using,
                             String usingBack)
            implements Change, OrderingHints {
        public ObjectRef target() {
            return TableChanges.column(table, column);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterColumnType(table, column, typeAfter, collationAfter, typeBefore, collationBefore, fromTable,
                    usingBack, using);
        }

        public String describe() {
            return "change type of column " + table + "." + column + " from " + typeBefore + " to " + typeAfter;
        }

        public Set<ObjectRef> invalidates() {
            return Set.of(TableChanges.column(fromTable, column));
        }

        public Step step() {
            return Step.RESHAPE;
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    public record AlterColumnDefault(QualifiedName table, String column, String before, String after) implements Change,
            OrderingHints {
        public ObjectRef target() {
            return TableChanges.column(table, column);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterColumnDefault(table, column, after, before);
        }

        public String describe() {
            return (after == null ? "drop default of column " : "set default of column ") + table + "." + column;
        }

        public Step step() {
            return after == null ? Step.REMOVE : Step.ADD;
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    public record AlterColumnNotNull(QualifiedName table, String column, boolean notNull) implements Change,
            OrderingHints {
        public ObjectRef target() {
            return TableChanges.column(table, column);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterColumnNotNull(table, column, !notNull);
        }

        public String describe() {
            return (notNull ? "set not null on column " : "drop not null on column ") + table + "." + column;
        }

        public Step step() {
            return Step.ADJUST;
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A column's STORAGE, COMPRESSION or STATISTICS settings. {@code needs}: the column as created or re-typed
     * (desired names), which must exist first; {@code uses}: the column as it is (current names), dropped or re-typed
     * only after this change.
     */
    public record AlterColumnStorage(QualifiedName table, String column, ColumnStorage before, ColumnStorage after,
                                     Set<ObjectRef> needs, Set<ObjectRef> uses) implements Change, OrderingHints {
        public AlterColumnStorage {
            needs = Set.copyOf(needs);
            uses = Set.copyOf(uses);
        }

        public ObjectRef target() {
            return TableChanges.column(table, column);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterColumnStorage(table, column, after, before, uses, needs);
        }

        public String describe() {
            return "set storage of column " + table + "." + column;
        }

        /** Back to the defaults before a re-type or drop resets them; set after the column has its new shape. */
        public Step step() {
            return uses.isEmpty() ? Step.ADD : Step.REMOVE;
        }

        public Set<ObjectRef> settledFirst() {
            return needs;
        }

        public Set<ObjectRef> usesUntilDropped() {
            return uses;
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** Identity added (before null), dropped (after null) or changed; {@code type} is the column's type. */
    public record AlterColumnIdentity(QualifiedName table, String column, String type, Identity before, Identity after)
            implements Change, OrderingHints {
        public ObjectRef target() {
            return TableChanges.column(table, column);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterColumnIdentity(table, column, type, after, before);
        }

        public String describe() {
            String what = before == null ? "add identity to" : after == null ? "drop identity of" : "alter identity of";
            return what + " column " + table + "." + column;
        }

        public Step step() {
            return before == null ? Step.ADD : after == null ? Step.REMOVE : Step.ADJUST;
        }

        public Set<ObjectRef> takesNames() {
            return before == null ? identitySequenceName(table, column) : Set.of();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** {@code ADD CONSTRAINT}, with its comment. */
    public record CreateConstraint(QualifiedName table, Constraint constraint, QualifiedName fromTable)
            implements Change, OrderingHints {
        public ObjectRef target() {
            return TableChanges.constraint(table, constraint.name());
        }

        public ChangeAction action() {
            return ChangeAction.CREATE;
        }

        public Change inverse() {
            return new DropConstraint(table, constraint, fromTable);
        }

        public String describe() {
            return "add constraint " + constraint.name() + " on " + table;
        }

        public Group group() {
            return constraintGroup(constraint);
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** {@code DROP CONSTRAINT}; the constraint as it was, for the rollback. */
    public record DropConstraint(QualifiedName table, Constraint constraint, QualifiedName fromTable)
            implements Change, OrderingHints {
        public ObjectRef target() {
            return TableChanges.constraint(table, constraint.name());
        }

        public ChangeAction action() {
            return ChangeAction.DROP;
        }

        public Change inverse() {
            return new CreateConstraint(table, constraint, fromTable);
        }

        public String describe() {
            return "drop constraint " + constraint.name() + " on " + table;
        }

        public Set<ObjectRef> invalidates() {
            return Set.of(TableChanges.constraint(fromTable, constraint.name()));
        }

        public Group group() {
            return constraintGroup(constraint);
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    private static Group constraintGroup(Constraint constraint) {
        return constraint.kind() == ConstraintKind.FOREIGN_KEY ? Group.FOREIGN_KEY : Group.CONSTRAINT;
    }

    /**
     * {@code RENAME CONSTRAINT}: the same constraint under the name the desired schema gives it (a renamed table's
     * primary key keeps its old name in PostgreSQL); the index of a key is renamed with it.
     */
    public record RenameConstraint(QualifiedName table, String from, String to) implements Change, OrderingHints {
        public ObjectRef target() {
            return TableChanges.constraint(table, to);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new RenameConstraint(table, to, from);
        }

        public String describe() {
            return "rename constraint " + from + " on " + table + " to " + to;
        }

        public Step step() {
            return Step.RENAME;
        }

        public Set<ObjectRef> takesNames() {
            // A key's index takes the new name too, in the namespace of relations.
            return Set.of(target(), ObjectRef.of(ObjectKind.INDEX, new QualifiedName(table.schema(), to)));
        }

        public Set<ObjectRef> freesNames() {
            return Set.of(renamedFrom(), ObjectRef.of(ObjectKind.INDEX, new QualifiedName(table.schema(), from)));
        }

        public ObjectRef renamedFrom() {
            return TableChanges.constraint(table, from);
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** {@code VALIDATE CONSTRAINT} ({@code validated}), or back to NOT VALID by dropping and re-adding it. */
    public record AlterConstraintValidation(QualifiedName table, Constraint constraint, boolean validated)
            implements Change, OrderingHints {
        public ObjectRef target() {
            return TableChanges.constraint(table, constraint.name());
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterConstraintValidation(table, constraint, !validated);
        }

        public String describe() {
            return (validated ? "validate constraint " : "mark constraint not valid ") + constraint.name() + " on "
                    + table;
        }

        public Group group() {
            return constraintGroup(constraint);
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code CREATE INDEX}; a partition's index attached to its parent's index is attached by name after it.
     * {@code settledFirst}: tables whose creation and changes come first (the partitions of a partitioned table,
     * whose index is created ON ONLY it).
     */
    public record CreateIndex(Index index, Set<ObjectRef> settledFirst) implements Change, OrderingHints {
        public CreateIndex {
            settledFirst = Set.copyOf(settledFirst);
        }

        public CreateIndex(Index index) {
            this(index, Set.of());
        }

        public ObjectRef target() {
            return index.ref();
        }

        public ChangeAction action() {
            return ChangeAction.CREATE;
        }

        public Change inverse() {
            return new DropIndex(index, settledFirst);
        }

        public String describe() {
            return "create index " + index.qualifiedName();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code DROP INDEX}; none for an index attached to a parent index, which goes with that index or its table.
     * {@code settledFirst}: a detached partition, whose detach releases the index first.
     */
    public record DropIndex(Index index, Set<ObjectRef> settledFirst) implements Change, OrderingHints {
        public DropIndex {
            settledFirst = Set.copyOf(settledFirst);
        }

        public DropIndex(Index index) {
            this(index, Set.of());
        }

        public ObjectRef target() {
            return index.ref();
        }

        public ChangeAction action() {
            return ChangeAction.DROP;
        }

        public Change inverse() {
            return new CreateIndex(index, settledFirst);
        }

        public String describe() {
            return "drop index " + index.qualifiedName();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code ALTER INDEX ... RENAME TO}: the same index under the name the desired schema gives it. {@code
     * settledFirst}: the new partition whose creation makes the index (PostgreSQL names its copy of a parent's index).
     */
    public record RenameIndex(QualifiedName from, QualifiedName to, Set<ObjectRef> settledFirst)
            implements Change, OrderingHints {
        public RenameIndex {
            settledFirst = Set.copyOf(settledFirst);
        }

        public RenameIndex(QualifiedName from, QualifiedName to) {
            this(from, to, Set.of());
        }

        public ObjectRef target() {
            return ObjectRef.of(ObjectKind.INDEX, to);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new RenameIndex(to, from, settledFirst);
        }

        public String describe() {
            return "rename index " + from + " to " + to.name();
        }

        public Step step() {
            return Step.RENAME;
        }

        public Set<ObjectRef> takesNames() {
            return Set.of(target());
        }

        public Set<ObjectRef> freesNames() {
            return Set.of(renamedFrom());
        }

        public ObjectRef renamedFrom() {
            return ObjectRef.of(ObjectKind.INDEX, from);
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** {@code COMMENT ON} a schema, extension, sequence, table, column, constraint or index; null for none. */
    public record AlterComment(ObjectRef target, String before, String after) implements Change, OrderingHints {
        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterComment(target, after, before);
        }

        public String describe() {
            return (after == null ? "remove comment on " : "set comment on ") + target;
        }

        public Group group() {
            return Group.METADATA;
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** One privilege granted ({@code granted}) or revoked on a schema, sequence, table or column. */
    public record AlterGrant(ObjectRef target, Grant grant, boolean granted) implements Change, OrderingHints {
        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterGrant(target, grant, !granted);
        }

        public String describe() {
            return (granted ? "grant " : "revoke ") + grant.privilege() + (grant.withGrantOption()
                    ? " with grant option" : "") + " on " + target + (granted ? " to " : " from ")
                    + grant.grantee();
        }

        public Group group() {
            return Group.METADATA;
        }

        public Step step() {
            return granted ? Step.ADD : Step.REMOVE;
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }
}
