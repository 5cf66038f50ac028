package io.automigrate.diff;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Dependency;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.inspect.CatalogInspector;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.sql.Statement;
import io.automigrate.testing.CatalogDifference;
import io.automigrate.testing.TestPostgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.automigrate.diff.ProgrammableFixtures.apply;
import static io.automigrate.diff.ProgrammableFixtures.forward;
import static io.automigrate.diff.ProgrammableFixtures.rollback;
import static io.automigrate.diff.ProgrammableFixtures.sql;

/**
 * The convergence proof for this family alone, for schema pairs whose tables do not change: inspect both sides,
 * diff with {@link ProgrammableObjects} (widening the forced re-creations the way the schema differ does), order
 * drops before everything else and each group by the catalogs' dependencies, render with the family's renderer,
 * apply forward (must inspect equal to the desired schema), roll back (equal to the current one), re-apply,
 * and nothing must be left to diff.
 */
final class ProgrammableConvergence {
    private ProgrammableConvergence() {
    }

    record Proof(List<Change> changes, String forwardSql, String rollbackSql) {
    }

    static Proof check(String fromSql, String toSql) {
        return check(fromSql, toSql, DiffOptions.defaults());
    }

    static Proof check(String fromSql, String toSql, DiffOptions options) {
        try (ShadowDatabase current = TestPostgres.newDatabase("progfrom");
             ShadowDatabase desired = TestPostgres.newDatabase("progto")) {
            TestPostgres.execute(current, fromSql);
            TestPostgres.execute(desired, toSql);
            Catalog before = inspect(current);
            Catalog target = inspect(desired);
            List<Change> changes = ordered(before, target, options);
            List<Statement> forward = forward(changes);
            List<Statement> rollback = rollback(changes);
            String context = "\n--- forward ---\n" + sql(forward) + "\n--- rollback ---\n" + sql(rollback);
            if (!forward.equals(forward(ordered(before, target, options)))) {
                throw new AssertionError("rendering is not deterministic" + context);
            }
            apply(current, forward);
            requireEqual("after forward", target, inspect(current), options, context);
            apply(current, rollback);
            requireEqual("after rollback", before, inspect(current), options, context);
            apply(current, forward);
            Catalog migrated = inspect(current);
            List<Change> left = ordered(migrated, target, options);
            if (!left.isEmpty()) {
                throw new AssertionError("changes left after the migration: " + left + context);
            }
            return new Proof(changes, sql(forward), sql(rollback));
        }
    }

    /** The family's changes with forced re-creations widened until stable, drops first, dependencies first. */
    static List<Change> ordered(Catalog from, Catalog to, DiffOptions options) {
        Set<ObjectRef> forced = new HashSet<>();
        List<Change> changes;
        while (true) {
            changes = new ProgrammableObjects().diff(new DiffContext(from, to, options, forced));
            Set<ObjectRef> wider = new HashSet<>(forced);
            List<ObjectRef> pending = new ArrayList<>();
            changes.forEach(c -> pending.addAll(c.invalidates()));
            while (!pending.isEmpty()) {
                for (ObjectRef dependant : from.dependentsOf(pending.remove(pending.size() - 1))) {
                    if (wider.add(dependant)) {
                        pending.add(dependant);
                    }
                }
            }
            if (wider.equals(forced)) {
                break;
            }
            forced = wider;
        }
        List<Change> drops = changes.stream().filter(c -> c.action() == ChangeAction.DROP).toList();
        List<Change> rest = changes.stream().filter(c -> c.action() != ChangeAction.DROP).toList();
        List<Change> out = new ArrayList<>(topological(drops, from, true));
        out.addAll(topological(rest, to, false));
        return out;
    }

    /** Stable order in which a change comes after those on what it depends (before them when dropping). */
    private static List<Change> topological(List<Change> changes, Catalog catalog, boolean dependantsFirst) {
        List<Change> remaining = new ArrayList<>(changes);
        List<Change> out = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Change next = remaining.stream()
                    .filter(c -> remaining.stream().noneMatch(o -> o != c && mustPrecede(o, c, catalog, dependantsFirst)))
                    .findFirst().orElse(remaining.get(0));
            remaining.remove(next);
            out.add(next);
        }
        return out;
    }

    private static boolean mustPrecede(Change first, Change second, Catalog catalog, boolean dependantsFirst) {
        ObjectRef a = dependantsFirst ? second.target() : first.target();
        ObjectRef b = dependantsFirst ? first.target() : second.target();
        if (a.equals(b)) {
            return false;
        }
        // b depends on a (directly, or through a column of a)
        for (Dependency d : catalog.dependencies()) {
            if (d.dependent().equals(b) && (d.referenced().equals(a) || d.referenced().qualifiedName()
                    .equals(a.qualifiedName()) && d.referenced().kind() == io.automigrate.catalog.ObjectKind.COLUMN)) {
                return true;
            }
        }
        return false;
    }

    static Catalog inspect(ShadowDatabase database) {
        try (Connection c = database.connect()) {
            return CatalogInspector.inspect(c, InspectOptions.all());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireEqual(String step, Catalog expected, Catalog actual, DiffOptions options,
                                     String context) {
        Catalog e = comparable(expected, options);
        Catalog a = comparable(actual, options);
        if (!e.equals(a)) {
            throw new AssertionError(step + ": catalog differs (expected vs actual):\n  "
                    + String.join("\n  ", CatalogDifference.describe(e, a)) + context);
        }
    }

    private static Catalog comparable(Catalog catalog, DiffOptions options) {
        Catalog normalized = catalog.normalized();
        if (options.withPrivileges()) {
            return normalized;
        }
        return new Catalog(normalized.schemas(), normalized.extensions(), normalized.enums(),
                normalized.compositeTypes(), normalized.domains(), normalized.sequences(), normalized.tables(),
                normalized.indexes(),
                normalized.views().stream().map(v -> new io.automigrate.catalog.View(v.schema(), v.name(),
                        v.materialized(), v.definition(), v.columns(), v.options(), v.withData(), v.comment(),
                        List.of())).toList(),
                normalized.routines().stream().map(r -> new io.automigrate.catalog.Routine(r.schema(), r.name(),
                        r.kind(), r.identityArguments(), r.arguments(), r.result(), r.definition(), r.comment(),
                        List.of())).toList(),
                normalized.triggers(), normalized.policies(), List.of());
    }
}
