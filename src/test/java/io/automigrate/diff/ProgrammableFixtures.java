package io.automigrate.diff;

import io.automigrate.catalog.ReplicaIdentity;
import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Column;
import io.automigrate.catalog.CompositeType;
import io.automigrate.catalog.Dependency;
import io.automigrate.catalog.Domain;
import io.automigrate.catalog.EnumType;
import io.automigrate.catalog.Policy;
import io.automigrate.catalog.Routine;
import io.automigrate.catalog.Table;
import io.automigrate.catalog.Trigger;
import io.automigrate.catalog.View;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.sql.ChangeSql;
import io.automigrate.sql.Statement;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Hand-built catalogs, rendering and applying of programmable-family changes, for this family's tests. */
public final class ProgrammableFixtures {

    private ProgrammableFixtures() {
    }

    /** A catalog holding the given objects (enums, composites, domains, tables, views, routines, ...). */
    public static Catalog catalog(Object... objects) {
        List<EnumType> enums = new ArrayList<>();
        List<CompositeType> composites = new ArrayList<>();
        List<Domain> domains = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        List<View> views = new ArrayList<>();
        List<Routine> routines = new ArrayList<>();
        List<Trigger> triggers = new ArrayList<>();
        List<Policy> policies = new ArrayList<>();
        List<Dependency> dependencies = new ArrayList<>();
        for (Object o : objects) {
            if (o instanceof EnumType e) enums.add(e);
            else if (o instanceof CompositeType c) composites.add(c);
            else if (o instanceof Domain d) domains.add(d);
            else if (o instanceof Table t) tables.add(t);
            else if (o instanceof View v) views.add(v);
            else if (o instanceof Routine r) routines.add(r);
            else if (o instanceof Trigger t) triggers.add(t);
            else if (o instanceof Policy p) policies.add(p);
            else if (o instanceof Dependency d) dependencies.add(d);
            else throw new IllegalArgumentException("not a catalog object: " + o);
        }
        return new Catalog(List.of(), List.of(), enums, composites, domains, List.of(), tables, List.of(), views,
                routines, triggers, policies, dependencies, List.of());
    }

    public static Table table(String name, Column... columns) {
        return new Table("public", name, false, null, null, null, List.of(), List.of(), List.of(columns), List.of(),
                false, false, null, List.of(), ReplicaIdentity.DEFAULT);
    }

    public static Column column(String name, String type, String defaultExpr) {
        return new Column(name, type, null, false, defaultExpr, null, null, true, null, List.of());
    }

    public static List<Change> diff(Catalog from, Catalog to) {
        return diff(from, to, DiffOptions.defaults(), Set.of());
    }

    public static List<Change> diff(Catalog from, Catalog to, DiffOptions options, Set<io.automigrate.catalog.ObjectRef> forced) {
        return new ProgrammableObjects().diff(new DiffContext(from, to, options, forced));
    }

    public static List<Statement> render(Change change) {
        return ChangeSql.of(change);
    }

    /** The forward statements of changes in the given order. */
    public static List<Statement> forward(List<Change> changes) {
        return changes.stream().flatMap(c -> render(c).stream()).toList();
    }

    /** Each change's inverse, last change first. */
    public static List<Statement> rollback(List<Change> changes) {
        List<Change> reversed = new ArrayList<>(changes);
        Collections.reverse(reversed);
        return reversed.stream().flatMap(c -> render(c.inverse()).stream()).toList();
    }

    public static String sql(List<Statement> statements) {
        return statements.stream().map(Statement::sql).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /**
     * Runs statements as a migration runs them: consecutive transactional statements in one transaction,
     * non-transactional ones alone.
     */
    public static void apply(ShadowDatabase database, List<Statement> statements) {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            for (Statement s : statements) {
                if (!s.transactional()) {
                    c.commit();
                    c.setAutoCommit(true);
                }
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute(s.sql());
                } catch (SQLException e) {
                    throw new AssertionError("statement failed: " + e.getMessage() + "\n" + s.sql()
                            + "\nin:\n" + sql(statements), e);
                }
                if (!s.transactional()) {
                    c.setAutoCommit(false);
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** The first column of every row, as text. */
    public static List<String> query(ShadowDatabase database, String sql) {
        try (Connection c = database.connect(); java.sql.Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new AssertionError("query failed: " + e.getMessage() + "\n" + sql, e);
        }
    }

    public static String queryOne(ShadowDatabase database, String sql) {
        List<String> rows = query(database, sql);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row, got " + rows + " from " + sql);
        }
        return rows.get(0);
    }
}
