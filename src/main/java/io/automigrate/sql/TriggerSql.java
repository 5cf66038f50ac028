package io.automigrate.sql;

import io.automigrate.sqltext.Sql;
import io.automigrate.catalog.Trigger;
import io.automigrate.diff.Change;
import io.automigrate.diff.ProgrammableSubject;
import io.automigrate.diff.TriggerChanges;

import java.util.ArrayList;
import java.util.List;

import static io.automigrate.sql.ProgrammableSql.commentIfAny;

/** Triggers on tables and views, plain and constraint triggers. */
final class TriggerSql {
    private TriggerSql() {
    }

    static List<Statement> render(TriggerChanges.CreateTrigger c) {
        Trigger trigger = c.trigger();
        List<Statement> out = new ArrayList<>();
        // pg_get_triggerdef text; a new trigger fires on origin, any other state is set after.
        out.add(Statement.of(trigger.definition().strip() + ";"));
        if (trigger.enabled() != 'O') {
            out.add(enable(trigger));
        }
        commentIfAny(out, ProgrammableSubject.TRIGGER, trigger.ref(), "", trigger.comment());
        return out;
    }

    static List<Statement> render(TriggerChanges.DropTrigger d) {
        return List.of(Statement.of("DROP TRIGGER " + Sql.ident(d.trigger().name()) + " ON "
                + Sql.qualified(d.trigger().tableName()) + ";"));
    }

    static List<Statement> render(TriggerChanges.AlterTriggerEnabled s) {
        return List.of(enable(s.after()));
    }

    private static Statement enable(Trigger trigger) {
        String state = switch (trigger.enabled()) {
            case 'D' -> "DISABLE";
            case 'R' -> "ENABLE REPLICA";
            case 'A' -> "ENABLE ALWAYS";
            default -> "ENABLE";
        };
        return Statement.of("ALTER TABLE " + Sql.qualified(trigger.tableName()) + " " + state + " TRIGGER "
                + Sql.ident(trigger.name()) + ";");
    }
}
