package io.automigrate.sql;

import io.automigrate.sqltext.Sql;
import io.automigrate.catalog.Policy;
import io.automigrate.diff.Change;
import io.automigrate.diff.PolicyChanges;
import io.automigrate.diff.ProgrammableSubject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import static io.automigrate.sql.ProgrammableSql.commentIfAny;

/** Row-level security policies. */
final class PolicySql {
    private PolicySql() {
    }

    static List<Statement> render(PolicyChanges.CreatePolicy c) {
        return create(c.policy());
    }

    static List<Statement> render(PolicyChanges.DropPolicy d) {
        return List.of(Statement.of("DROP POLICY " + name(d.policy()) + ";"));
    }

    static List<Statement> render(PolicyChanges.AlterPolicy a) {
        return List.of(alter(a.before(), a.after()));
    }

    private static List<Statement> create(Policy policy) {
        StringBuilder sql = new StringBuilder("CREATE POLICY ").append(name(policy))
                .append("\n    AS ").append(policy.permissive() ? "PERMISSIVE" : "RESTRICTIVE")
                .append("\n    FOR ").append(policy.command())
                .append("\n    TO ").append(roles(policy));
        if (policy.using() != null) {
            sql.append("\n    USING (").append(policy.using()).append(')');
        }
        if (policy.withCheck() != null) {
            sql.append("\n    WITH CHECK (").append(policy.withCheck()).append(')');
        }
        List<Statement> out = new ArrayList<>();
        out.add(Statement.of(sql + ";"));
        commentIfAny(out, ProgrammableSubject.POLICY, policy.ref(), "", policy.comment());
        return out;
    }

    /** Only the clauses that change. */
    private static Statement alter(Policy before, Policy after) {
        StringBuilder sql = new StringBuilder("ALTER POLICY ").append(name(after));
        if (!before.roles().equals(after.roles())) {
            sql.append("\n    TO ").append(roles(after));
        }
        if (!Objects.equals(before.using(), after.using())) {
            sql.append("\n    USING (").append(after.using()).append(')');
        }
        if (!Objects.equals(before.withCheck(), after.withCheck())) {
            sql.append("\n    WITH CHECK (").append(after.withCheck()).append(')');
        }
        return Statement.of(sql + ";");
    }

    private static String name(Policy policy) {
        return Sql.ident(policy.name()) + " ON " + Sql.qualified(policy.tableName());
    }

    private static String roles(Policy policy) {
        return policy.roles().isEmpty() ? "PUBLIC"
                : policy.roles().stream().map(Sql::role).collect(Collectors.joining(", "));
    }
}
