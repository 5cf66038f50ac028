package io.automigrate.diff;

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

    static ChangeAction flip(ChangeAction action) {
        return switch (action) {
            case CREATE -> ChangeAction.DROP;
            case DROP -> ChangeAction.CREATE;
            case ALTER -> ChangeAction.ALTER;
        };
    }

    private static String verb(ChangeAction action) {
        return action == ChangeAction.CREATE ? "create" : action == ChangeAction.DROP ? "drop" : "alter";
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

    public record SchemaExists(ChangeAction action, Schema schema) implements Change {
        public ObjectRef target() {
            return schema.ref();
        }

        public Change inverse() {
            return new SchemaExists(flip(action), schema);
        }

        public String describe() {
            return verb(action) + " schema " + schema.name();
        }
    }

    public record ExtensionExists(ChangeAction action, Extension extension) implements Change {
        public ObjectRef target() {
            return extension.ref();
        }

        public Change inverse() {
            return new ExtensionExists(flip(action), extension);
        }

        public String describe() {
            return verb(action) + " extension " + extension.name();
        }
    }

    public record ExtensionVersion(String name, String before, String after) implements Change {
        public ObjectRef target() {
            return ObjectRef.extension(name);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new ExtensionVersion(name, after, before);
        }

        public String describe() {
            return "update extension " + name + " from " + before + " to " + after;
        }
    }

    /** A sequence without OWNED BY (that is {@link SequenceOwner}, which needs the column to exist). */
    public record SequenceExists(ChangeAction action, Sequence sequence) implements Change {
        public ObjectRef target() {
            return sequence.ref();
        }

        public Change inverse() {
            return new SequenceExists(flip(action), sequence);
        }

        public String describe() {
            return verb(action) + " sequence " + sequence.qualifiedName();
        }
    }

    public record SequenceAlter(QualifiedName name, SequenceOptions before, SequenceOptions after) implements Change,
            OrderingHints {
        public ObjectRef target() {
            return ObjectRef.of(ObjectKind.SEQUENCE, name);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new SequenceAlter(name, after, before);
        }

        public String describe() {
            return "alter sequence " + name + " options";
        }

        public int step() {
            return 3;
        }
    }

    /** {@code ALTER SEQUENCE ... OWNED BY}; {@code before}/{@code after} are column refs or null for NONE. */
    public record SequenceOwner(QualifiedName name, ObjectRef before, ObjectRef after) implements Change,
            OrderingHints {
        public ObjectRef target() {
            return ObjectRef.of(ObjectKind.SEQUENCE, name);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new SequenceOwner(name, after, before);
        }

        public String describe() {
            return "set owner of sequence " + name + " to " + (after == null ? "none" : after.toString());
        }

        public int step() {
            return after == null ? 1 : 4;
        }

        public Set<ObjectRef> needs() {
            return after == null ? Set.of() : Set.of(after);
        }

        public Set<ObjectRef> usesUntilDropped() {
            return before == null ? Set.of() : Set.of(before);
        }
    }

    /**
     * A whole table with its columns, non-FK constraints, comments, grants and row-level security flags. Foreign
     * keys and NOT VALID constraints are separate {@link ConstraintExists} changes.
     */
    public record TableExists(ChangeAction action, Table table) implements Change {
        public ObjectRef target() {
            return table.ref();
        }

        public Change inverse() {
            return new TableExists(flip(action), table);
        }

        public String describe() {
            return verb(action) + " table " + table.qualifiedName();
        }
    }

    public record TableRename(QualifiedName from, QualifiedName to) implements Change, OrderingHints {
        public ObjectRef target() {
            return ObjectRef.of(ObjectKind.TABLE, to);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new TableRename(to, from);
        }

        public String describe() {
            return "rename table " + from + " to " + to.name();
        }

        public int step() {
            return 0;
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
    }

    public record TableLogged(QualifiedName table, boolean unloggedBefore, boolean unloggedAfter) implements Change {
        public ObjectRef target() {
            return ObjectRef.of(ObjectKind.TABLE, table);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new TableLogged(table, unloggedAfter, unloggedBefore);
        }

        public String describe() {
            return "set table " + table + (unloggedAfter ? " unlogged" : " logged");
        }
    }

    /** Storage parameters ({@code name=value}), sorted. */
    public record TableStorage(QualifiedName table, List<String> before, List<String> after) implements Change {
        public TableStorage {
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
            return new TableStorage(table, after, before);
        }

        public String describe() {
            return "set storage parameters of table " + table;
        }
    }

    /**
     * {@code ATTACH PARTITION} ({@code attach}) or {@code DETACH PARTITION}. An attached table must already have
     * its final columns; a detached one is changed afterwards.
     */
    public record PartitionAttachment(QualifiedName table, QualifiedName parent, String bound, boolean attach,
                                      Set<ObjectRef> members) implements Change, OrderingHints {
        public PartitionAttachment {
            members = Set.copyOf(members);
        }

        public ObjectRef target() {
            return ObjectRef.of(ObjectKind.TABLE, table);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new PartitionAttachment(table, parent, bound, !attach, members);
        }

        public String describe() {
            return (attach ? "attach partition " : "detach partition ") + table + (attach ? " to " : " from ") + parent;
        }

        public int step() {
            return attach ? 4 : 1;
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
    }

    /** {@code INHERIT parent} or {@code NO INHERIT parent}. */
    public record TableInheritance(QualifiedName table, QualifiedName parent, boolean inherit, Set<ObjectRef> members)
            implements Change, OrderingHints {
        public TableInheritance {
            members = Set.copyOf(members);
        }

        public ObjectRef target() {
            return ObjectRef.of(ObjectKind.TABLE, table);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new TableInheritance(table, parent, !inherit, members);
        }

        public String describe() {
            return (inherit ? "make table " : "stop table ") + table + (inherit ? " inherit " : " inheriting ") + parent;
        }

        public int step() {
            return inherit ? 4 : 1;
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
    }

    public record RowSecurity(QualifiedName table, boolean enabledBefore, boolean forcedBefore, boolean enabledAfter,
                              boolean forcedAfter) implements Change {
        public ObjectRef target() {
            return ObjectRef.of(ObjectKind.TABLE, table);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new RowSecurity(table, enabledAfter, forcedAfter, enabledBefore, forcedBefore);
        }

        public String describe() {
            return "set row level security of table " + table;
        }
    }

    /** {@code ADD COLUMN} (with its comment and grants) or {@code DROP COLUMN}. */
    public record ColumnExists(ChangeAction action, QualifiedName table, Column column, QualifiedName fromTable)
            implements Change, OrderingHints {
        public ObjectRef target() {
            return TableChanges.column(table, column.name());
        }

        public Change inverse() {
            return new ColumnExists(flip(action), table, column, fromTable);
        }

        public String describe() {
            return (action == ChangeAction.CREATE ? "add" : "drop") + " column " + table + "." + column.name();
        }

        public Set<ObjectRef> invalidates() {
            return action == ChangeAction.DROP ? Set.of(TableChanges.column(fromTable, column.name())) : Set.of();
        }

        public Set<ObjectRef> takesNames() {
            return action == ChangeAction.CREATE && column.identity() != null
                    ? identitySequenceName(table, column.name()) : Set.of();
        }
    }

    /**
     * A generated column made plain with {@code DROP EXPRESSION}, which keeps its values; the inverse has no such
     * statement before PostgreSQL 17, so it drops the column and adds it generated again.
     */
    public record ColumnExpression(QualifiedName table, Column generated, Column plain, boolean dropExpression,
                                   QualifiedName fromTable) implements Change {
        public ObjectRef target() {
            return TableChanges.column(table, plain.name());
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new ColumnExpression(table, generated, plain, !dropExpression, fromTable);
        }

        public String describe() {
            return (dropExpression ? "drop expression of column " : "make column generated ") + table + "."
                    + plain.name();
        }

        public Set<ObjectRef> invalidates() {
            return Set.of(TableChanges.column(fromTable, plain.name()));
        }
    }

    public record ColumnRename(QualifiedName table, String from, String to) implements Change, OrderingHints {
        public ObjectRef target() {
            return TableChanges.column(table, to);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new ColumnRename(table, to, from);
        }

        public String describe() {
            return "rename column " + table + "." + from + " to " + to;
        }

        public int step() {
            return 0;
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
    }

    /** {@code ALTER COLUMN ... TYPE ... [COLLATE ...] [USING ...]}; the column's dependants are re-created. */
    public record ColumnType(QualifiedName table, String column, String typeBefore, String collationBefore,
                             String typeAfter, String collationAfter, QualifiedName fromTable)
            implements Change, OrderingHints {
        public ObjectRef target() {
            return TableChanges.column(table, column);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new ColumnType(table, column, typeAfter, collationAfter, typeBefore, collationBefore, fromTable);
        }

        public String describe() {
            return "change type of column " + table + "." + column + " from " + typeBefore + " to " + typeAfter;
        }

        public Set<ObjectRef> invalidates() {
            return Set.of(TableChanges.column(fromTable, column));
        }

        public int step() {
            return 2;
        }
    }

    public record ColumnDefault(QualifiedName table, String column, String before, String after) implements Change,
            OrderingHints {
        public ObjectRef target() {
            return TableChanges.column(table, column);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new ColumnDefault(table, column, after, before);
        }

        public String describe() {
            return (after == null ? "drop default of column " : "set default of column ") + table + "." + column;
        }

        public int step() {
            return after == null ? 1 : 4;
        }
    }

    public record ColumnNotNull(QualifiedName table, String column, boolean notNull) implements Change,
            OrderingHints {
        public ObjectRef target() {
            return TableChanges.column(table, column);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new ColumnNotNull(table, column, !notNull);
        }

        public String describe() {
            return (notNull ? "set not null on column " : "drop not null on column ") + table + "." + column;
        }

        public int step() {
            return 3;
        }
    }

    /** Identity added (before null), dropped (after null) or changed; {@code type} is the column's type. */
    public record ColumnIdentity(QualifiedName table, String column, String type, Identity before, Identity after)
            implements Change, OrderingHints {
        public ObjectRef target() {
            return TableChanges.column(table, column);
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new ColumnIdentity(table, column, type, after, before);
        }

        public String describe() {
            String what = before == null ? "add identity to" : after == null ? "drop identity of" : "alter identity of";
            return what + " column " + table + "." + column;
        }

        public int step() {
            return before == null ? 4 : after == null ? 1 : 3;
        }

        public Set<ObjectRef> takesNames() {
            return before == null ? identitySequenceName(table, column) : Set.of();
        }
    }

    /** {@code ADD CONSTRAINT} (with its comment) or {@code DROP CONSTRAINT}. */
    public record ConstraintExists(ChangeAction action, QualifiedName table, Constraint constraint,
                                   QualifiedName fromTable) implements Change, OrderingHints {
        public ObjectRef target() {
            return TableChanges.constraint(table, constraint.name());
        }

        public Change inverse() {
            return new ConstraintExists(flip(action), table, constraint, fromTable);
        }

        public String describe() {
            return (action == ChangeAction.CREATE ? "add constraint " : "drop constraint ") + constraint.name()
                    + " on " + table;
        }

        public Set<ObjectRef> invalidates() {
            return action == ChangeAction.DROP ? Set.of(TableChanges.constraint(fromTable, constraint.name()))
                    : Set.of();
        }

        public Group group() {
            return constraint.kind() == ConstraintKind.FOREIGN_KEY ? Group.FOREIGN_KEY : Group.CONSTRAINT;
        }
    }

    /** {@code VALIDATE CONSTRAINT} ({@code validated}), or back to NOT VALID by dropping and re-adding it. */
    public record ConstraintValidation(QualifiedName table, Constraint constraint, boolean validated)
            implements Change, OrderingHints {
        public ObjectRef target() {
            return TableChanges.constraint(table, constraint.name());
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new ConstraintValidation(table, constraint, !validated);
        }

        public String describe() {
            return (validated ? "validate constraint " : "mark constraint not valid ") + constraint.name() + " on "
                    + table;
        }

        public Group group() {
            return constraint.kind() == ConstraintKind.FOREIGN_KEY ? Group.FOREIGN_KEY : Group.CONSTRAINT;
        }
    }

    public record IndexExists(ChangeAction action, Index index) implements Change {
        public ObjectRef target() {
            return index.ref();
        }

        public Change inverse() {
            return new IndexExists(flip(action), index);
        }

        public String describe() {
            return verb(action) + " index " + index.qualifiedName();
        }
    }

    /** {@code COMMENT ON} a schema, extension, sequence, table, column, constraint or index; null for none. */
    public record CommentChange(ObjectRef target, String before, String after) implements Change, OrderingHints {
        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new CommentChange(target, after, before);
        }

        public String describe() {
            return (after == null ? "remove comment on " : "set comment on ") + target;
        }

        public Group group() {
            return Group.METADATA;
        }
    }

    /** One privilege granted ({@code granted}) or revoked on a schema, sequence, table or column. */
    public record GrantChange(ObjectRef target, Grant grant, boolean granted) implements Change, OrderingHints {
        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new GrantChange(target, grant, !granted);
        }

        public String describe() {
            return (granted ? "grant " : "revoke ") + grant.privilege() + (grant.withGrantOption()
                    ? " with grant option" : "") + " on " + target + (granted ? " to " : " from ")
                    + grant.grantee();
        }

        public Group group() {
            return Group.METADATA;
        }

        public int step() {
            return granted ? 4 : 1;
        }
    }
}
