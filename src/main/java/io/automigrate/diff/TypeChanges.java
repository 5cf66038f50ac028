package io.automigrate.diff;

import io.automigrate.catalog.CompositeType;
import io.automigrate.catalog.Domain;
import io.automigrate.catalog.EnumType;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Changes to enum types, composite types and domains. */
public final class TypeChanges {
    private TypeChanges() {
    }

    /**
     * A table column whose type is the re-created type, or an array of it; {@code defaultBefore}/{@code
     * defaultAfter} are its default in the current and desired schema (dropped while the type is swapped: the old
     * default cannot be cast to the new type automatically).
     */
    public record ColumnUse(QualifiedName table, String column, boolean array, String defaultBefore,
                            String defaultAfter) {
        public ObjectRef ref() {
            return ObjectRef.member(ObjectKind.COLUMN, table, column);
        }

        ColumnUse inverse() {
            return new ColumnUse(table, column, array, defaultAfter, defaultBefore);
        }
    }

    /**
     * A domain over an enum type that is swapped (or, by the rollback, swapped back): no ALTER DOMAIN changes a base
     * type, so the domain is swapped with it (renamed away, created again over the new type, its {@code columns}
     * converted through text, the old one dropped). {@code before}/{@code after}: the domain in the current and
     * desired schema.
     */
    public record DomainUse(Domain before, Domain after, List<ColumnUse> columns) {
        public DomainUse {
            columns = List.copyOf(columns);
        }

        DomainUse inverse() {
            return new DomainUse(after, before, columns.stream().map(ColumnUse::inverse).toList());
        }
    }

    public record CreateEnum(EnumType type) implements Change {
        public ObjectRef target() {
            return type.ref();
        }

        public ChangeAction action() {
            return ChangeAction.CREATE;
        }

        public Change inverse() {
            return new DropEnum(type);
        }

        public String describe() {
            return "create enum type " + type.qualifiedName();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    public record DropEnum(EnumType type) implements Change {
        public ObjectRef target() {
            return type.ref();
        }

        public ChangeAction action() {
            return ChangeAction.DROP;
        }

        public Change inverse() {
            return new CreateEnum(type);
        }

        public String describe() {
            return "drop enum type " + type.qualifiedName();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * New labels, every old one kept in its order: {@code ALTER TYPE ... ADD VALUE}. {@code nonTransactional} when
     * another object of the same migration uses a new label (PostgreSQL refuses a label added in the same
     * transaction). The inverse re-creates the type without them, which needs the {@code columns} and {@code domains}
     * of the type.
     */
    public record AlterEnumAddLabels(EnumType before, EnumType after, List<ColumnUse> columns, List<DomainUse> domains,
                                     boolean nonTransactional) implements Change {
        public AlterEnumAddLabels {
            columns = List.copyOf(columns);
            domains = List.copyOf(domains);
        }

        public ObjectRef target() {
            return after.ref();
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new RecreateEnum(after, before, columns.stream().map(ColumnUse::inverse).toList(),
                    domains.stream().map(DomainUse::inverse).toList());
        }

        /** ADD VALUE leaves every use of the type as it is. */
        public Set<ObjectRef> invalidates() {
            return Set.of();
        }

        /** The rollback swaps the type under these columns: their dependants are re-created around it there. */
        public Set<ObjectRef> invalidatesOnRollback() {
            return columnRefs(columns, domains);
        }

        public String describe() {
            List<String> added = after.labels().stream().filter(l -> !before.labels().contains(l)).toList();
            return "add " + String.join(", ", added) + " to enum type " + after.qualifiedName();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * Labels removed or reordered: the old type is renamed away, the new one created, the domains over it swapped
     * too, every column of the type (or of such a domain) converted through text, and the old types dropped.
     */
    public record RecreateEnum(EnumType before, EnumType after, List<ColumnUse> columns, List<DomainUse> domains)
            implements Change {
        public RecreateEnum {
            columns = List.copyOf(columns);
            domains = List.copyOf(domains);
        }

        public ObjectRef target() {
            return after.ref();
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new RecreateEnum(after, before, columns.stream().map(ColumnUse::inverse).toList(),
                    domains.stream().map(DomainUse::inverse).toList());
        }

        /** The converted columns: views, indexes and constraints over them are re-created around the swap. */
        public Set<ObjectRef> invalidates() {
            return columnRefs(columns, domains);
        }

        public String describe() {
            return "re-create enum type " + after.qualifiedName() + " with labels " + String.join(", ", after.labels());
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    public record CreateComposite(CompositeType type) implements Change {
        public ObjectRef target() {
            return type.ref();
        }

        public ChangeAction action() {
            return ChangeAction.CREATE;
        }

        public Change inverse() {
            return new DropComposite(type);
        }

        public String describe() {
            return "create composite type " + type.qualifiedName();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    public record DropComposite(CompositeType type) implements Change {
        public ObjectRef target() {
            return type.ref();
        }

        public ChangeAction action() {
            return ChangeAction.DROP;
        }

        public Change inverse() {
            return new CreateComposite(type);
        }

        public String describe() {
            return "drop composite type " + type.qualifiedName();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * Attributes dropped, changed in type or collation, or added: {@code ALTER TYPE ... ATTRIBUTE}; attributes
     * that must move are dropped and added again at their place.
     */
    public record AlterComposite(CompositeType before, CompositeType after) implements Change {
        public ObjectRef target() {
            return after.ref();
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterComposite(after, before);
        }

        public String describe() {
            return "alter attributes of composite type " + after.qualifiedName();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    public record CreateDomain(Domain domain) implements Change {
        public ObjectRef target() {
            return domain.ref();
        }

        public ChangeAction action() {
            return ChangeAction.CREATE;
        }

        public Change inverse() {
            return new DropDomain(domain);
        }

        public String describe() {
            return "create domain " + domain.qualifiedName();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    public record DropDomain(Domain domain) implements Change {
        public ObjectRef target() {
            return domain.ref();
        }

        public ChangeAction action() {
            return ChangeAction.DROP;
        }

        public Change inverse() {
            return new CreateDomain(domain);
        }

        public String describe() {
            return "drop domain " + domain.qualifiedName();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * Default, NOT NULL, constraints (added, dropped, changed, validated) and constraint comments of a domain whose
     * base type and collation stay: {@code ALTER DOMAIN}.
     */
    public record AlterDomain(Domain before, Domain after) implements Change {
        public ObjectRef target() {
            return after.ref();
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterDomain(after, before);
        }

        public String describe() {
            return "alter domain " + after.qualifiedName();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * Base type or collation changed: the old domain is renamed away, the new one created, every column of the
     * domain converted through the new base type, and the old domain dropped.
     */
    public record RecreateDomain(Domain before, Domain after, List<ColumnUse> columns) implements Change {
        public RecreateDomain {
            columns = List.copyOf(columns);
        }

        public ObjectRef target() {
            return after.ref();
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new RecreateDomain(after, before, columns.stream().map(ColumnUse::inverse).toList());
        }

        public Set<ObjectRef> invalidates() {
            return columnRefs(columns);
        }

        public String describe() {
            return "re-create domain " + after.qualifiedName() + " as " + after.baseType();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    private static Set<ObjectRef> columnRefs(List<ColumnUse> columns) {
        return columns.stream().map(ColumnUse::ref).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<ObjectRef> columnRefs(List<ColumnUse> columns, List<DomainUse> domains) {
        return Stream.concat(columns.stream(), domains.stream().flatMap(d -> d.columns().stream()))
                .map(ColumnUse::ref).collect(Collectors.toUnmodifiableSet());
    }
}
