package io.automigrate.diff;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Column;
import io.automigrate.catalog.CompositeType;
import io.automigrate.catalog.Domain;
import io.automigrate.catalog.EnumType;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.catalog.Table;
import io.automigrate.diff.ProgrammableObjects.Pair;
import io.automigrate.diff.TypeChanges.ColumnUse;
import io.automigrate.sqltext.Sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static io.automigrate.diff.ProgrammableObjects.comment;
import static io.automigrate.diff.ProgrammableObjects.createOrDrop;
import static io.automigrate.diff.ProgrammableObjects.pairs;

/** Enum types, composite types and domains. */
final class TypeDiff {
    /** Kinds of this family that must follow a type swapped under them. */
    private static final Set<ObjectKind> OWN_KINDS =
            Set.of(ObjectKind.TYPE, ObjectKind.VIEW, ObjectKind.ROUTINE, ObjectKind.TRIGGER, ObjectKind.POLICY);

    private TypeDiff() {
    }

    /**
     * This family's type changes. First adds to {@code forced} this family's own dependants of every type that
     * is swapped under its columns (they cannot follow the rename), then diffs every type. An enum that only
     * gains labels is swapped too, by the rollback (PostgreSQL cannot remove a label): its dependants are forced
     * unless the context is {@link DiffContext#forwardOnly()}, and {@link SchemaDiffer} re-creates them in the
     * rollback only. Domains over a swapped enum are swapped with it ({@link TypeChanges.DomainUse}), not forced;
     * their own dependants are.
     */
    static List<Change> diff(DiffContext context, Set<ObjectRef> forced) {
        List<Pair<EnumType>> enums = pairs(context.from().enums(), context.to().enums(), EnumType::qualifiedName);
        List<Pair<Domain>> domains = pairs(context.from().domains(), context.to().domains(), Domain::qualifiedName);
        Set<ObjectRef> swappedDomains = new HashSet<>();
        List<ObjectRef> swappedTypes = new ArrayList<>();
        for (Pair<EnumType> p : enums) {
            if (!p.both() || p.before().labels().equals(p.after().labels()) || forced.contains(ref(p))) continue;
            if (context.forwardOnly() && !enumSwapped(p.before(), p.after())) continue;
            swappedTypes.add(ref(p));
            domainsOver(context, p.before().qualifiedName()).forEach(d -> {
                swappedDomains.add(d.before().ref());
                swappedTypes.add(d.before().ref());
            });
        }
        domains.stream().filter(p -> p.both() && domainSwapped(p.before(), p.after())).map(TypeDiff::ref)
                .filter(type -> !forced.contains(type)).forEach(swappedTypes::add);
        swappedTypes.stream()
                .flatMap(type -> context.from().dependentsOf(type).stream())
                .filter(d -> OWN_KINDS.contains(d.kind()) && !swappedDomains.contains(d))
                .toList()
                .forEach(forced::add);

        List<Change> out = new ArrayList<>();
        for (Pair<EnumType> p : enums) {
            if (createOrDrop(out, p, forced.contains(ref(p)), TypeChanges.CreateEnum::new, TypeChanges.DropEnum::new)) {
                enumInPlace(out, context, p.before(), p.after());
            }
        }
        for (Pair<CompositeType> p : pairs(context.from().compositeTypes(), context.to().compositeTypes(),
                CompositeType::qualifiedName)) {
            if (createOrDrop(out, p, forced.contains(ref(p)), TypeChanges.CreateComposite::new,
                    TypeChanges.DropComposite::new)) {
                if (!p.before().attributes().equals(p.after().attributes())) {
                    out.add(new TypeChanges.AlterComposite(p.before(), p.after()));
                }
                comment(out, ProgrammableSubject.TYPE, p.after().ref(), "", p.before().comment(), p.after().comment());
            }
        }
        Set<ObjectRef> inSwap = domainsInForwardSwap(context, enums, forced);
        for (Pair<Domain> p : domains) {
            if (p.both() && inSwap.contains(ref(p))) continue; // the enum's swap creates it as desired
            if (createOrDrop(out, p, forced.contains(ref(p)), TypeChanges.CreateDomain::new,
                    TypeChanges.DropDomain::new)) {
                domainInPlace(out, context, p.before(), p.after());
            }
        }
        return out;
    }

    /** The columns of an enum type itself: a column of a domain over it is converted with the domain. */
    private static List<ColumnUse> enumColumns(DiffContext context, QualifiedName type,
                                               List<TypeChanges.DomainUse> domains) {
        Set<ObjectRef> ofDomains = new HashSet<>();
        domains.forEach(d -> d.columns().forEach(c -> ofDomains.add(c.ref())));
        return columnUses(context, type).stream().filter(c -> !ofDomains.contains(c.ref())).toList();
    }

    /**
     * The columns (refs as in {@code from}) that a forward swap converts: of an enum whose labels are removed or
     * reordered, of a domain over it, of a domain whose base type changes. The swap drops and sets their default.
     */
    static Set<ObjectRef> columnsInForwardSwap(DiffContext context) {
        Set<ObjectRef> refs = new HashSet<>();
        for (Pair<EnumType> p : pairs(context.from().enums(), context.to().enums(), EnumType::qualifiedName)) {
            if (p.both() && !context.mustRecreate(ref(p)) && enumSwapped(p.before(), p.after())) {
                List<TypeChanges.DomainUse> domains = domainsOver(context, p.before().qualifiedName());
                enumColumns(context, p.before().qualifiedName(), domains).forEach(c -> refs.add(c.ref()));
                domains.forEach(d -> d.columns().forEach(c -> refs.add(c.ref())));
            }
        }
        for (Pair<Domain> p : pairs(context.from().domains(), context.to().domains(), Domain::qualifiedName)) {
            if (p.both() && !context.mustRecreate(ref(p)) && domainSwapped(p.before(), p.after())) {
                columnUses(context, p.before().qualifiedName()).forEach(c -> refs.add(c.ref()));
            }
        }
        return refs;
    }

    /** Domains that an enum's forward swap ({@link TypeChanges.RecreateEnum}) re-creates over the new type. */
    private static Set<ObjectRef> domainsInForwardSwap(DiffContext context, List<Pair<EnumType>> enums,
                                                       Set<ObjectRef> forced) {
        Set<ObjectRef> refs = new HashSet<>();
        for (Pair<EnumType> p : enums) {
            if (p.both() && !forced.contains(ref(p)) && enumSwapped(p.before(), p.after())) {
                domainsOver(context, p.before().qualifiedName()).forEach(d -> refs.add(d.before().ref()));
            }
        }
        return refs;
    }

    /**
     * The domains whose base type is {@code type} (or an array of it) in both catalogs, with their columns; a domain
     * that changes base type is swapped on its own ({@link TypeChanges.RecreateDomain}).
     */
    private static List<TypeChanges.DomainUse> domainsOver(DiffContext context, QualifiedName type) {
        List<TypeChanges.DomainUse> uses = new ArrayList<>();
        for (Domain domain : context.from().domains()) {
            Optional<Domain> desired = context.to().domains().stream()
                    .filter(d -> d.qualifiedName().equals(domain.qualifiedName())).findFirst();
            if (desired.isPresent() && isOver(domain, type) && isOver(desired.get(), type)
                    && !domainSwapped(domain, desired.get())) {
                uses.add(new TypeChanges.DomainUse(domain, desired.get(), columnUses(context, domain.qualifiedName())));
            }
        }
        return uses;
    }

    private static boolean isOver(Domain domain, QualifiedName type) {
        for (String name : List.of(Sql.qualified(type), Sql.ident(type.name()))) {
            if (domain.baseType().equals(name) || domain.baseType().equals(name + "[]")) return true;
        }
        return false;
    }

    /** Labels removed or reordered: only a new type can hold them. */
    private static boolean enumSwapped(EnumType before, EnumType after) {
        return !isSubsequence(before.labels(), after.labels());
    }

    /** No ALTER DOMAIN changes the base type or the collation. */
    private static boolean domainSwapped(Domain before, Domain after) {
        return !before.baseType().equals(after.baseType()) || !Objects.equals(before.collation(), after.collation());
    }

    private static ObjectRef ref(Pair<?> p) {
        Object any = p.before() != null ? p.before() : p.after();
        if (any instanceof EnumType e) return e.ref();
        if (any instanceof CompositeType c) return c.ref();
        return ((Domain) any).ref();
    }

    private static void enumInPlace(List<Change> out, DiffContext context, EnumType before, EnumType after) {
        boolean commented = true;
        if (!before.labels().equals(after.labels())) {
            List<TypeChanges.DomainUse> domains = domainsOver(context, before.qualifiedName());
            List<ColumnUse> columns = enumColumns(context, before.qualifiedName(), domains);
            if (!enumSwapped(before, after)) {
                List<String> added = after.labels().stream().filter(l -> !before.labels().contains(l)).toList();
                out.add(new TypeChanges.AlterEnumAddLabels(before, after, columns, domains,
                        usedByChangedObjects(context, added)));
            } else {
                out.add(new TypeChanges.RecreateEnum(before, after, columns, domains));
                commented = false; // the new type is created with its comment
            }
        }
        if (commented) {
            comment(out, ProgrammableSubject.TYPE, after.ref(), "", before.comment(), after.comment());
        }
    }

    private static void domainInPlace(List<Change> out, DiffContext context, Domain before, Domain after) {
        if (domainSwapped(before, after)) {
            out.add(new TypeChanges.RecreateDomain(before, after, columnUses(context, before.qualifiedName())));
            return;
        }
        if (!Objects.equals(before.defaultExpr(), after.defaultExpr()) || before.notNull() != after.notNull()
                || !before.constraints().equals(after.constraints())) {
            out.add(new TypeChanges.AlterDomain(before, after));
        }
        comment(out, ProgrammableSubject.DOMAIN, after.ref(), "", before.comment(), after.comment());
    }

    /** True when every label of {@code before} is in {@code after}, in the same order. */
    static boolean isSubsequence(List<String> before, List<String> after) {
        int i = 0;
        for (String label : after) {
            if (i < before.size() && before.get(i).equals(label)) {
                i++;
            }
        }
        return i == before.size() && after.containsAll(before);
    }

    /**
     * Whether a new label appears in an object of the desired schema that this migration creates or changes:
     * such a use fails in the transaction that added the label ("unsafe use of new value"). Objects are compared
     * whole and searched through their record text, which holds every expression and definition.
     */
    private static boolean usedByChangedObjects(DiffContext context, List<String> labels) {
        Catalog from = context.from();
        Catalog to = context.to();
        Stream<Object> changed = Stream.of(
                        newIn(from.tables(), to.tables()), newIn(from.indexes(), to.indexes()),
                        newIn(from.views(), to.views()), newIn(from.routines(), to.routines()),
                        newIn(from.triggers(), to.triggers()), newIn(from.policies(), to.policies()),
                        newIn(from.domains(), to.domains()), newIn(from.compositeTypes(), to.compositeTypes()))
                .flatMap(List::stream);
        List<String> literals = labels.stream().map(Sql::literal).toList();
        return changed.map(Object::toString).anyMatch(text -> literals.stream().anyMatch(text::contains));
    }

    private static List<Object> newIn(List<?> from, List<?> to) {
        return to.stream().filter(o -> !from.contains(o)).map(o -> (Object) o).toList();
    }

    /**
     * Columns whose type is {@code type} (or an array of it) in both catalogs, found by their formatted type or a
     * recorded dependency. Columns only inherited are converted with their parent.
     */
    private static List<ColumnUse> columnUses(DiffContext context, QualifiedName type) {
        List<ColumnUse> uses = new ArrayList<>();
        for (Table table : context.from().tables()) {
            for (Column column : table.columns()) {
                Optional<Boolean> array = typeUse(context.from(), table, column, type);
                if (array.isEmpty() || !column.local()) {
                    continue;
                }
                Optional<Column> desired = context.to().table(table.qualifiedName())
                        .flatMap(t -> t.column(column.name()));
                if (desired.isPresent() && typeUse(context.to(), table, desired.get(), type).equals(array)) {
                    uses.add(new ColumnUse(table.qualifiedName(), column.name(), array.get(), column.defaultExpr(),
                            desired.get().defaultExpr()));
                }
            }
        }
        return uses;
    }

    /** Empty when {@code column} is not of {@code type}; else whether it is an array of it. */
    private static Optional<Boolean> typeUse(Catalog catalog, Table table, Column column, QualifiedName type) {
        for (String name : List.of(Sql.qualified(type), Sql.ident(type.name()))) {
            if (column.type().equals(name)) return Optional.of(false);
            if (column.type().equals(name + "[]")) return Optional.of(true);
        }
        ObjectRef columnRef = ObjectRef.member(ObjectKind.COLUMN, table.qualifiedName(), column.name());
        boolean recorded = catalog.dependencies().stream()
                .anyMatch(d -> d.dependent().equals(columnRef) && d.referenced().equals(ObjectRef.of(ObjectKind.TYPE, type)));
        return recorded ? Optional.of(column.type().endsWith("[]")) : Optional.empty();
    }
}
