package io.automigrate.sql;

import io.automigrate.catalog.Rule;
import io.automigrate.diff.ProgrammableSubject;
import io.automigrate.diff.RuleChanges;
import io.automigrate.sqltext.Sql;

import java.util.ArrayList;
import java.util.List;

import static io.automigrate.sql.ProgrammableSql.commentIfAny;

/** Rewrite rules on tables and views. */
final class RuleSql {
    private RuleSql() {
    }

    static List<Statement> render(RuleChanges.CreateRule c) {
        Rule rule = c.rule();
        List<Statement> out = new ArrayList<>();
        // pg_get_ruledef text ends with its semicolon; a new rule fires on origin, any other state is set after
        String definition = rule.definition().strip();
        out.add(Statement.of(definition.endsWith(";") ? definition : definition + ";"));
        if (rule.enabled() != 'O') {
            out.add(enable(rule));
        }
        commentIfAny(out, ProgrammableSubject.RULE, rule.ref(), "", rule.comment());
        return out;
    }

    static List<Statement> render(RuleChanges.DropRule d) {
        return List.of(Statement.of("DROP RULE " + Sql.ident(d.rule().name()) + " ON "
                + Sql.qualified(d.rule().tableName()) + ";"));
    }

    static List<Statement> render(RuleChanges.AlterRuleEnabled s) {
        return List.of(enable(s.after()));
    }

    private static Statement enable(Rule rule) {
        String state = switch (rule.enabled()) {
            case 'D' -> "DISABLE";
            case 'R' -> "ENABLE REPLICA";
            case 'A' -> "ENABLE ALWAYS";
            default -> "ENABLE";
        };
        return Statement.of("ALTER TABLE " + Sql.qualified(rule.tableName()) + " " + state + " RULE "
                + Sql.ident(rule.name()) + ";");
    }
}
