package io.automigrate.sql;

import io.automigrate.sqltext.Sql;
import io.automigrate.catalog.CompositeType;
import io.automigrate.catalog.Domain;
import io.automigrate.catalog.EnumType;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.diff.Change;
import io.automigrate.diff.ProgrammableSubject;
import io.automigrate.diff.TypeChanges;
import io.automigrate.diff.TypeChanges.ColumnUse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.automigrate.sql.ProgrammableSql.commentIfAny;

/** Enum types, composite types and domains. */
final class TypeSql {
    /** Appended to a type's name while its replacement takes over its columns. */
    private static final String SWAP_SUFFIX = "_automigrate_old";

    private TypeSql() {
    }

    static List<Statement> render(TypeChanges.CreateEnum c) {
        return createEnum(c.type());
    }

    static List<Statement> render(TypeChanges.DropEnum d) {
        return drop("TYPE", d.type().qualifiedName());
    }

    static List<Statement> render(TypeChanges.AlterEnumAddLabels a) {
        return addLabels(a);
    }

    /**
     * The enum swap; each domain over it is swapped right after the new type exists (its columns converted through
     * text), so that the old type has no user left when it is dropped.
     */
    static List<Statement> render(TypeChanges.RecreateEnum r) {
        List<Statement> create = new ArrayList<>(createEnum(r.after()));
        for (TypeChanges.DomainUse domain : r.domains()) {
            create.addAll(swapDomain(domain.before(), domain.after(), domain.columns(), "text"));
        }
        return swap("TYPE", r.before().qualifiedName(), create, r.columns(), "text");
    }

    static List<Statement> render(TypeChanges.CreateComposite c) {
        return createComposite(c.type());
    }

    static List<Statement> render(TypeChanges.DropComposite d) {
        return drop("TYPE", d.type().qualifiedName());
    }

    static List<Statement> render(TypeChanges.AlterComposite a) {
        return alterComposite(a.before(), a.after());
    }

    static List<Statement> render(TypeChanges.CreateDomain c) {
        return createDomain(c.domain());
    }

    static List<Statement> render(TypeChanges.DropDomain d) {
        return drop("DOMAIN", d.domain().qualifiedName());
    }

    static List<Statement> render(TypeChanges.AlterDomain a) {
        return alterDomain(a.before(), a.after());
    }

    static List<Statement> render(TypeChanges.RecreateDomain r) {
        return swapDomain(r.before(), r.after(), r.columns(), r.after().baseType());
    }

    /**
     * A domain's swap. Since PostgreSQL 17 a domain's NOT NULL is a constraint with a name chosen unique in the
     * schema: the renamed old domain drops it first, or the new one's would be named {@code ..._not_null1}.
     */
    private static List<Statement> swapDomain(Domain before, Domain after, List<ColumnUse> columns, String via) {
        List<Statement> create = new ArrayList<>();
        if (before.notNull()) {
            String old = truncate(before.qualifiedName().name(), SWAP_SUFFIX);
            create.add(Statement.of("ALTER DOMAIN " + Sql.qualified(before.qualifiedName().schema(), old)
                    + " DROP NOT NULL;"));
        }
        create.addAll(createDomain(after));
        return swap("DOMAIN", before.qualifiedName(), create, columns, via);
    }

    private static List<Statement> drop(String keyword, QualifiedName name) {
        return List.of(Statement.of("DROP " + keyword + " " + Sql.qualified(name) + ";"));
    }

    private static List<Statement> createEnum(EnumType type) {
        List<Statement> out = new ArrayList<>();
        out.add(Statement.of("CREATE TYPE " + Sql.qualified(type.qualifiedName()) + " AS ENUM ("
                + type.labels().stream().map(Sql::literal).collect(Collectors.joining(", ")) + ");"));
        commentIfAny(out, ProgrammableSubject.TYPE, type.ref(), "", type.comment());
        return out;
    }

    /**
     * One {@code ADD VALUE} per new label, placed before the next old label (new labels before the same old one
     * land in order), or appended when no old label follows. Since PostgreSQL 12 ADD VALUE runs inside a
     * transaction, but the new label cannot be used before that transaction commits: when the migration uses it
     * elsewhere, the statements run on their own, outside any transaction.
     */
    private static List<Statement> addLabels(TypeChanges.AlterEnumAddLabels change) {
        List<String> labels = change.after().labels();
        List<String> old = change.before().labels();
        String type = Sql.qualified(change.after().qualifiedName());
        List<Statement> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (old.contains(labels.get(i))) {
                continue;
            }
            String position = labels.subList(i + 1, labels.size()).stream().filter(old::contains).findFirst()
                    .map(next -> " BEFORE " + Sql.literal(next)).orElse("");
            String sql = "ALTER TYPE " + type + " ADD VALUE " + Sql.literal(labels.get(i)) + position + ";";
            out.add(change.nonTransactional() ? Statement.nonTransactional(sql) : Statement.of(sql));
        }
        return out;
    }

    /**
     * Renames the old type away, creates the new one, converts every column (default dropped first, as it cannot
     * be cast automatically, and set again after) and drops the old type.
     */
    private static List<Statement> swap(String keyword, QualifiedName name, List<Statement> create,
                                        List<ColumnUse> columns, String via) {
        String old = truncate(name.name(), SWAP_SUFFIX);
        List<Statement> out = new ArrayList<>();
        out.add(Statement.of("ALTER " + keyword + " " + Sql.qualified(name) + " RENAME TO " + Sql.ident(old) + ";"));
        out.addAll(create);
        String type = Sql.qualified(name);
        for (ColumnUse use : columns) {
            String alter = "ALTER TABLE " + Sql.qualified(use.table()) + " ALTER COLUMN " + Sql.ident(use.column());
            String array = use.array() ? "[]" : "";
            if (use.defaultBefore() != null) {
                out.add(Statement.of(alter + " DROP DEFAULT;"));
            }
            out.add(Statement.of(alter + " TYPE " + type + array + " USING " + Sql.ident(use.column()) + "::" + via
                    + array + "::" + type + array + ";"));
            if (use.defaultAfter() != null) {
                out.add(Statement.of(alter + " SET DEFAULT " + use.defaultAfter() + ";"));
            }
        }
        out.add(Statement.of("DROP " + keyword + " " + Sql.qualified(name.schema(), old) + ";"));
        return out;
    }

    /** {@code name + suffix}, with {@code name} cut so the whole fits PostgreSQL's 63 bytes. */
    static String truncate(String name, String suffix) {
        String base = name;
        while ((base + suffix).getBytes(StandardCharsets.UTF_8).length > 63) {
            base = base.substring(0, base.offsetByCodePoints(base.length(), -1));
        }
        return base + suffix;
    }

    private static List<Statement> createComposite(CompositeType type) {
        List<Statement> out = new ArrayList<>();
        String attributes = type.attributes().stream().map(a -> "    " + attribute(a))
                .collect(Collectors.joining(",\n"));
        out.add(Statement.of("CREATE TYPE " + Sql.qualified(type.qualifiedName()) + " AS ("
                + (attributes.isEmpty() ? "" : "\n" + attributes + "\n") + ");"));
        commentIfAny(out, ProgrammableSubject.TYPE, type.ref(), "", type.comment());
        return out;
    }

    private static String attribute(CompositeType.Attribute attribute) {
        return Sql.ident(attribute.name()) + " " + attribute.type() + collate(attribute.collation());
    }

    /**
     * ALTER TYPE appends attributes and cannot move them: the longest leading run of the new attribute list made
     * of old attributes in their old relative order stays (its types and collations altered where they changed),
     * every other old attribute is dropped, and the rest of the new list is added in order. Any change, and so
     * its inverse, is reached exactly.
     */
    private static List<Statement> alterComposite(CompositeType before, CompositeType after) {
        String alter = "ALTER TYPE " + Sql.qualified(after.qualifiedName());
        Map<String, CompositeType.Attribute> old = byName(before.attributes(), CompositeType.Attribute::name);
        Map<String, CompositeType.Attribute> now = byName(after.attributes(), CompositeType.Attribute::name);
        List<String> oldOrder = before.attributes().stream().map(CompositeType.Attribute::name).toList();
        int kept = 0;
        int lastPosition = -1;
        while (kept < after.attributes().size()) {
            int position = oldOrder.indexOf(after.attributes().get(kept).name());
            if (position <= lastPosition) {
                break;
            }
            lastPosition = position;
            kept++;
        }
        List<CompositeType.Attribute> stay = after.attributes().subList(0, kept);
        Set<String> stayNames = stay.stream().map(CompositeType.Attribute::name).collect(Collectors.toSet());
        List<Statement> out = new ArrayList<>();
        before.attributes().stream().filter(a -> !stayNames.contains(a.name())).forEach(a -> out.add(
                Statement.of(alter + " DROP ATTRIBUTE " + Sql.ident(a.name()) + ";")));
        stay.stream().filter(a -> !old.get(a.name()).equals(a)).forEach(a -> out.add(Statement.of(alter
                + " ALTER ATTRIBUTE " + Sql.ident(a.name()) + " TYPE " + a.type() + collate(a.collation()) + ";")));
        after.attributes().subList(kept, after.attributes().size()).forEach(a -> out.add(
                Statement.of(alter + " ADD ATTRIBUTE " + attribute(a) + ";")));
        return out;
    }

    /**
     * The domain with its default, NOT NULL and validated constraints in one statement; constraints that are
     * NOT VALID can only be added by ALTER DOMAIN.
     */
    private static List<Statement> createDomain(Domain domain) {
        StringBuilder sql = new StringBuilder("CREATE DOMAIN ").append(Sql.qualified(domain.qualifiedName()))
                .append(" AS ").append(domain.baseType()).append(collate(domain.collation()));
        if (domain.defaultExpr() != null) {
            sql.append("\n    DEFAULT ").append(domain.defaultExpr());
        }
        if (domain.notNull()) {
            sql.append("\n    NOT NULL");
        }
        for (Domain.DomainConstraint c : domain.constraints()) {
            if (c.validated()) {
                sql.append("\n    CONSTRAINT ").append(Sql.ident(c.name())).append(' ').append(c.definition());
            }
        }
        List<Statement> out = new ArrayList<>();
        out.add(Statement.of(sql + ";"));
        domain.constraints().stream().filter(c -> !c.validated()).forEach(c -> out.add(addConstraint(domain, c)));
        commentIfAny(out, ProgrammableSubject.DOMAIN, domain.ref(), "", domain.comment());
        domain.constraints().forEach(c -> commentIfAny(out, ProgrammableSubject.DOMAIN_CONSTRAINT, domain.ref(),
                c.name(), c.comment()));
        return out;
    }

    private static Statement addConstraint(Domain domain, Domain.DomainConstraint c) {
        return Statement.of("ALTER DOMAIN " + Sql.qualified(domain.qualifiedName()) + " ADD CONSTRAINT "
                + Sql.ident(c.name()) + " " + c.definition() + (c.validated() ? "" : " NOT VALID") + ";");
    }

    /**
     * Drops constraints that are gone, changed, or lose their validation (nothing un-validates a constraint);
     * then default and NOT NULL; then adds constraints, validates those that became valid, and sets comments.
     */
    private static List<Statement> alterDomain(Domain before, Domain after) {
        String alter = "ALTER DOMAIN " + Sql.qualified(after.qualifiedName());
        Map<String, Domain.DomainConstraint> old = byName(before.constraints(), Domain.DomainConstraint::name);
        Map<String, Domain.DomainConstraint> now = byName(after.constraints(), Domain.DomainConstraint::name);
        Set<String> readded = new HashSet<>();
        for (Domain.DomainConstraint c : after.constraints()) {
            Domain.DomainConstraint was = old.get(c.name());
            if (was == null || !was.definition().equals(c.definition()) || was.validated() && !c.validated()) {
                readded.add(c.name());
            }
        }
        List<Statement> out = new ArrayList<>();
        before.constraints().stream().filter(c -> !now.containsKey(c.name()) || readded.contains(c.name()))
                .forEach(c -> out.add(Statement.of(alter + " DROP CONSTRAINT " + Sql.ident(c.name()) + ";")));
        if (!Objects.equals(before.defaultExpr(), after.defaultExpr())) {
            out.add(Statement.of(alter + (after.defaultExpr() == null ? " DROP DEFAULT;"
                    : " SET DEFAULT " + after.defaultExpr() + ";")));
        }
        if (before.notNull() != after.notNull()) {
            out.add(Statement.of(alter + (after.notNull() ? " SET NOT NULL;" : " DROP NOT NULL;")));
        }
        for (Domain.DomainConstraint c : after.constraints()) {
            Domain.DomainConstraint was = old.get(c.name());
            if (readded.contains(c.name())) {
                out.add(addConstraint(after, c));
                commentIfAny(out, ProgrammableSubject.DOMAIN_CONSTRAINT, after.ref(), c.name(), c.comment());
                continue;
            }
            if (!was.validated() && c.validated()) {
                out.add(Statement.of(alter + " VALIDATE CONSTRAINT " + Sql.ident(c.name()) + ";"));
            }
            if (!Objects.equals(was.comment(), c.comment())) {
                out.add(ProgrammableSql.comment(ProgrammableSubject.DOMAIN_CONSTRAINT, after.ref(), c.name(),
                        c.comment()));
            }
        }
        return out;
    }

    /**
     * A collation as {@code COLLATE name}; the catalog holds it as PostgreSQL prints it, already quoted where it
     * needs to be when it is schema-qualified.
     */
    static String collate(String collation) {
        if (collation == null) {
            return "";
        }
        return " COLLATE " + Sql.collation(collation);
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(name, i -> i));
    }
}
