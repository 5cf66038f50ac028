package io.automigrate.sql;

import io.automigrate.sqltext.Sql;
import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Constraint;
import io.automigrate.catalog.ConstraintKind;
import io.automigrate.catalog.Index;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.catalog.Table;
import io.automigrate.diff.Change;
import io.automigrate.diff.ChangeAction;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.diff.TableChanges.AlterColumnNotNull;
import io.automigrate.diff.TableChanges.AlterComment;
import io.automigrate.diff.TableChanges.CreateConstraint;
import io.automigrate.diff.TableChanges.DropConstraint;
import io.automigrate.diff.TableChanges.AlterConstraintValidation;
import io.automigrate.diff.TableChanges.CreateIndex;
import io.automigrate.diff.TableChanges.DropIndex;
import io.automigrate.diff.TableChanges.CreateTable;
import io.automigrate.diff.TableChanges.RenameTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The online forms of a migration (see {@link RenderOptions}). Each change that has one becomes several rendered
 * steps; every other change is rendered as offline. Where the online form does not apply, the plain form stays:
 * on a table or materialized view created or dropped by the same migration (it holds no rows anyone is using yet,
 * or soon none at all), on a partitioned table for what PostgreSQL refuses there (CONCURRENTLY, a NOT VALID
 * foreign key, ADD CONSTRAINT ... USING INDEX), for a foreign key that references a partitioned table (VALIDATE
 * would leave the key's copy for each partition NOT VALID), and for exclusion constraints (no USING INDEX form).
 *
 * <p>Constraints added NOT VALID are validated in changesets of their own, after the run of such additions they
 * belong to: consecutive foreign keys, checks and NOT NULLs are all added first (each a short lock), then each is
 * validated (a scan that blocks no reads or writes), then the NOT NULLs are set (no scan: a validated check proves
 * them).
 */
final class OnlineSql {
    private static final Pattern CREATE_INDEX = Pattern.compile("^CREATE (UNIQUE )?INDEX ");
    private static final Pattern KEY = Pattern.compile("^(PRIMARY KEY|UNIQUE)( NULLS NOT DISTINCT)? \\(");
    private static final Pattern KEY_TAIL = Pattern.compile(
            "^(?: USING INDEX TABLESPACE (\\S+))?( DEFERRABLE)?( INITIALLY DEFERRED)?$");
    private static final String NOT_NULL_SUFFIX = "_not_null";

    /** Steps that apply a change now, the validations that may wait for the end of its run, and what follows them. */
    private record Expansion(List<RenderedChange> now, List<RenderedChange> validations, List<RenderedChange> after) {
    }

    private final Function<Change, List<Statement>> plain;
    private final Set<QualifiedName> fresh = new HashSet<>();
    private final Set<QualifiedName> partitioned = new HashSet<>();
    private final Map<QualifiedName, Set<String>> constraintNames = new HashMap<>();

    private OnlineSql(SchemaDiff diff, Catalog current, Function<Change, List<Statement>> plain) {
        this.plain = plain;
        for (Table table : current.tables()) {
            if (table.partitioned()) partitioned.add(table.qualifiedName());
            Set<String> names = constraintNames.computeIfAbsent(table.qualifiedName(), t -> new HashSet<>());
            table.constraints().forEach(c -> names.add(c.name()));
        }
        for (Change change : diff.changes()) {
            ObjectKind kind = change.target().kind();
            if (change.action() != ChangeAction.ALTER && (kind == ObjectKind.TABLE || kind == ObjectKind.VIEW)) {
                fresh.add(change.target().qualifiedName());
            }
            if (change instanceof CreateTable create && create.table().partitioned()) {
                partitioned.add(create.table().qualifiedName());
            }
            if (change instanceof RenameTable rename) {
                if (partitioned.contains(rename.from())) partitioned.add(rename.to());
                constraintNames.computeIfAbsent(rename.to(), t -> new HashSet<>())
                        .addAll(constraintNames.getOrDefault(rename.from(), Set.of()));
            }
            if (change instanceof CreateConstraint c) {
                constraintNames.computeIfAbsent(c.table(), t -> new HashSet<>()).add(c.constraint().name());
            }
            if (change instanceof DropConstraint c) {
                constraintNames.computeIfAbsent(c.table(), t -> new HashSet<>()).add(c.constraint().name());
            }
        }
    }

    /** The migration in its online form; {@code plain} renders a change as offline. */
    static RenderedMigration render(SchemaDiff diff, Catalog current, Function<Change, List<Statement>> plain) {
        OnlineSql online = new OnlineSql(diff, current, plain);
        List<RenderedChange> out = new ArrayList<>();
        List<RenderedChange> validations = new ArrayList<>();
        List<RenderedChange> after = new ArrayList<>();
        for (Change change : diff.changes()) {
            Expansion expansion = online.expand(change);
            if (expansion == null || expansion.validations().isEmpty()) {
                out.addAll(validations);
                out.addAll(after);
                validations.clear();
                after.clear();
            }
            if (expansion == null) {
                out.add(online.plainly(change));
                continue;
            }
            out.addAll(expansion.now());
            validations.addAll(expansion.validations());
            after.addAll(expansion.after());
        }
        out.addAll(validations);
        out.addAll(after);
        return new RenderedMigration(out);
    }

    private RenderedChange plainly(Change change) {
        return new RenderedChange(change, plain.apply(change), plain.apply(change.inverse()));
    }

    /** The online form of {@code change}, or null when it has none (or none applies here). */
    private Expansion expand(Change change) {
        if (change instanceof CreateIndex c) {
            return index(c, c.index());
        }
        if (change instanceof DropIndex c) {
            return index(c, c.index());
        }
        if (change instanceof CreateConstraint c && !fresh.contains(c.table())) {
            return switch (c.constraint().kind()) {
                // A key that references a partitioned table has a copy per partition of it, which VALIDATE on the
                // key leaves NOT VALID: it is added valid, as a key on a partitioned table must be.
                case FOREIGN_KEY -> partitioned.contains(c.table())
                        || partitioned.contains(c.constraint().referencedTable()) ? null : notValidThenValidate(c);
                case CHECK -> notValidThenValidate(c);
                case UNIQUE, PRIMARY_KEY -> partitioned.contains(c.table()) ? null : keyFromIndex(c);
                case EXCLUSION -> null;
            };
        }
        if (change instanceof AlterConstraintValidation c && c.validated()) {
            return new Expansion(List.of(), List.of(alone(c)), List.of());
        }
        if (change instanceof AlterColumnNotNull c && c.notNull() && !fresh.contains(c.table())) {
            return notNullThroughCheck(c);
        }
        return null;
    }

    // ---- indexes

    /**
     * CREATE or DROP INDEX CONCURRENTLY, each in a changeset of its own outside any transaction. Such a changeset's
     * rollback reaches PostgreSQL as one text, so it holds one statement: a dropped index's comment is removed, and
     * restored, by a step of its own before it.
     */
    private Expansion index(Change c, Index index) {
        // pg_get_indexdef says ON ONLY for a partitioned table's index, which cannot be built concurrently.
        if (fresh.contains(index.table()) || index.definition().contains(" ON ONLY ")) {
            return null;
        }
        if (index.attachedTo() != null) {
            return attachedIndex(c, index);
        }
        Statement drop = Statement.nonTransactional("DROP INDEX CONCURRENTLY " + Sql.qualified(index.qualifiedName())
                + ";");
        if (c.action() == ChangeAction.CREATE) {
            List<Statement> create = new ArrayList<>(createConcurrently(index));
            if (index.comment() != null) {
                create.add(Statement.of(TableSql.comment(index.ref(), index.comment())));
            }
            return new Expansion(List.of(new RenderedChange(c, create, List.of(drop))), List.of(), List.of());
        }
        List<RenderedChange> steps = new ArrayList<>();
        if (index.comment() != null) {
            steps.add(plainly(new AlterComment(index.ref(), index.comment(), null)));
        }
        steps.add(new RenderedChange(c, List.of(drop), List.of(build(index))));
        return new Expansion(steps, List.of(), List.of());
    }

    /**
     * A partition's index for its parent's index: built concurrently, then attached in a step of its own. It has no
     * rollback of its own: PostgreSQL cannot detach it, and the rollback's drop of the parent index (or of the
     * partition) takes it along. One that goes is dropped that way too: the plain form (no statement).
     */
    private Expansion attachedIndex(Change c, Index index) {
        if (c.action() != ChangeAction.CREATE) {
            return null;
        }
        List<Statement> attach = new ArrayList<>();
        attach.add(Statement.of(TableSql.attachIndex(index)));
        if (index.comment() != null) {
            attach.add(Statement.of(TableSql.comment(index.ref(), index.comment())));
        }
        return new Expansion(List.of(new RenderedChange(c, createConcurrently(index), List.of()),
                new RenderedChange(c, attach, List.of())), List.of(), List.of());
    }

    /**
     * The build, preceded by dropping any leftover of an earlier try: a failed concurrent build leaves an INVALID
     * index behind, and a changeset outside a transaction is not recorded as run, so it simply runs again.
     */
    private static List<Statement> createConcurrently(Index index) {
        return List.of(Statement.nonTransactional("DROP INDEX CONCURRENTLY IF EXISTS "
                + Sql.qualified(index.qualifiedName()) + ";"), build(index));
    }

    private static Statement build(Index index) {
        Matcher create = CREATE_INDEX.matcher(index.definition());
        if (!create.find()) {
            throw new IllegalStateException("not an index definition: " + index.definition());
        }
        return Statement.nonTransactional(create.replaceFirst("CREATE $1INDEX CONCURRENTLY ") + ";");
    }

    // ---- constraints

    /** ADD CONSTRAINT ... NOT VALID now (a short lock, no scan); VALIDATE CONSTRAINT later, in its own changeset. */
    private Expansion notValidThenValidate(CreateConstraint c) {
        if (!c.constraint().validated()) {
            return null;
        }
        Constraint notValid = withValidated(c.constraint(), false);
        return new Expansion(List.of(plainly(new CreateConstraint(c.table(), notValid,
                c.fromTable()))), List.of(alone(new AlterConstraintValidation(c.table(), notValid, true))), List.of());
    }

    private RenderedChange alone(AlterConstraintValidation validation) {
        return new RenderedChange(validation, plain.apply(validation), plain.apply(validation.inverse()), true);
    }

    private static Constraint withValidated(Constraint c, boolean validated) {
        return new Constraint(c.name(), c.kind(), c.definition(), c.columns(), c.referencedTable(), validated, c.local(),
                c.comment());
    }

    /**
     * A unique or primary key from a unique index built concurrently: {@code ADD CONSTRAINT ... USING INDEX} then only
     * takes a short lock. Dropping the constraint drops its index, so the index step's rollback says IF EXISTS.
     */
    private Expansion keyFromIndex(CreateConstraint c) {
        Constraint key = c.constraint();
        Matcher head = KEY.matcher(key.definition());
        if (!head.find()) {
            return null;
        }
        int columnsEnd = closingParenthesis(key.definition(), head.end() - 1);
        if (columnsEnd < 0) {
            return null;
        }
        String columns = key.definition().substring(head.end() - 1, columnsEnd + 1);
        String rest = key.definition().substring(columnsEnd + 1);
        String include = "";
        if (rest.startsWith(" INCLUDE (")) {
            int includeEnd = closingParenthesis(rest, " INCLUDE ".length());
            if (includeEnd < 0) {
                return null;
            }
            include = rest.substring(0, includeEnd + 1);
            rest = rest.substring(includeEnd + 1);
        }
        Matcher tail = KEY_TAIL.matcher(rest);
        // WITHOUT OVERLAPS (PostgreSQL 18) makes a GiST index, which USING INDEX does not take.
        if (!tail.matches() || columns.contains(" WITHOUT OVERLAPS")) {
            return null;
        }
        QualifiedName indexName = new QualifiedName(c.table().schema(), key.name());
        String definition = "CREATE UNIQUE INDEX " + Sql.ident(key.name()) + " ON " + Sql.qualified(c.table())
                + " USING btree " + columns + include + (head.group(2) == null ? "" : head.group(2))
                + (tail.group(1) == null ? "" : " TABLESPACE " + tail.group(1));
        Index index = new Index(indexName.schema(), indexName.name(), c.table(), definition, true, null);
        List<Statement> build = createConcurrently(index);
        List<Statement> dropIndex = List.of(Statement.nonTransactional("DROP INDEX CONCURRENTLY IF EXISTS "
                + Sql.qualified(indexName) + ";"));
        List<Statement> attach = new ArrayList<>();
        attach.add(Statement.of(TableSql.alter(c.table()) + "ADD CONSTRAINT " + Sql.ident(key.name()) + " "
                + head.group(1) + " USING INDEX " + Sql.ident(key.name())
                + (tail.group(2) == null ? "" : tail.group(2)) + (tail.group(3) == null ? "" : tail.group(3)) + ";"));
        if (key.comment() != null) {
            attach.add(Statement.of(TableSql.comment(ObjectRef.member(ObjectKind.CONSTRAINT, c.table(), key.name()),
                    key.comment())));
        }
        return new Expansion(List.of(new RenderedChange(new CreateIndex(index), build, dropIndex),
                new RenderedChange(c, attach, plain.apply(c.inverse()))), List.of(), List.of());
    }

    /** Where the parenthesis opened at {@code open} closes, skipping quoted names and literals; -1 if it does not. */
    private static int closingParenthesis(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"' || ch == '\'') {
                int end = text.indexOf(ch, i + 1);
                if (end < 0) return -1;
                i = end;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    // ---- NOT NULL

    /**
     * {@code CHECK (column IS NOT NULL) NOT VALID}, validated in its own changeset; then SET NOT NULL, which skips its
     * scan because the validated check proves it (PostgreSQL 12+), and the check is dropped. Undoing the last step
     * puts the check back NOT VALID rather than validating it again under SET NOT NULL's exclusive lock; the
     * validation's own rollback leaves it NOT VALID anyway.
     */
    private Expansion notNullThroughCheck(AlterColumnNotNull c) {
        Set<String> taken = constraintNames.computeIfAbsent(c.table(), t -> new HashSet<>());
        String name = TypeSql.truncate(c.column(), NOT_NULL_SUFFIX);
        for (int i = 2; taken.contains(name); i++) {
            name = TypeSql.truncate(c.column(), NOT_NULL_SUFFIX + i);
        }
        taken.add(name);
        Constraint check = new Constraint(name, ConstraintKind.CHECK, "CHECK (" + Sql.ident(c.column())
                + " IS NOT NULL)", List.of(c.column()), null, false, true, null);
        String dropCheck = TableSql.alter(c.table()) + "DROP CONSTRAINT " + Sql.ident(name) + ";";
        List<Statement> forward = new ArrayList<>(plain.apply(c));
        forward.add(Statement.of(dropCheck));
        List<Statement> rollback = new ArrayList<>(plain.apply(new CreateConstraint(c.table(),
                check, c.table())));
        rollback.addAll(plain.apply(c.inverse()));
        return new Expansion(List.of(plainly(new CreateConstraint(c.table(), check, c.table()))),
                List.of(alone(new AlterConstraintValidation(c.table(), check, true))),
                List.of(new RenderedChange(c, forward, rollback)));
    }
}
