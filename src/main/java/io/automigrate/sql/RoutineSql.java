package io.automigrate.sql;

import io.automigrate.sqltext.Sql;
import io.automigrate.catalog.Routine;
import io.automigrate.catalog.RoutineKind;
import io.automigrate.diff.Change;
import io.automigrate.diff.ProgrammableSubject;
import io.automigrate.diff.RoutineChanges;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static io.automigrate.sql.ProgrammableSql.commentIfAny;

/** Functions and procedures. */
final class RoutineSql {
    /** pg_get_functiondef prints the language on its own line, and a string body after {@code AS}. */
    private static final Pattern SQL_LANGUAGE = Pattern.compile("(?m)^ LANGUAGE sql$");
    private static final Pattern STRING_BODY = Pattern.compile("(?m)^AS ['$]");

    private static final String OR_REPLACE = "CREATE OR REPLACE ";

    private RoutineSql() {
    }

    static List<Statement> render(RoutineChanges.CreateRoutine c) {
        Routine routine = c.routine();
        List<Statement> out = new ArrayList<>(define(routine, true));
        ProgrammableSubject subject = ProgrammableSubject.of(routine);
        commentIfAny(out, subject, routine.ref(), "", routine.comment());
        out.addAll(ProgrammableSql.privileges(subject, routine.ref(), RoutineChanges.DEFAULT_GRANTS,
                routine.grants()));
        return out;
    }

    static List<Statement> render(RoutineChanges.DropRoutine d) {
        Routine routine = d.routine();
        return List.of(Statement.of("DROP " + (routine.kind() == RoutineKind.PROCEDURE ? "PROCEDURE " : "FUNCTION ")
                + Sql.qualified(routine.qualifiedName()) + "(" + routine.identityArguments() + ");"));
    }

    static List<Statement> render(RoutineChanges.ReplaceRoutine r) {
        return define(r.after(), false);
    }

    /**
     * The routine's {@code CREATE [OR REPLACE]} text, ending with exactly one semicolon. A SQL-language routine with
     * a string body is parsed against the tables it reads when it is created, and PostgreSQL records no
     * dependency for that, so no order of changes can be sure to have them in place: like pg_dump, the body check
     * is turned off around it (the desired schema was loaded with the check on, so the body is known to be good).
     */
    private static List<Statement> define(Routine routine, boolean create) {
        String definition = routine.definition().strip();
        if (create && definition.startsWith(OR_REPLACE)) {
            // a new routine: a plain CREATE fails rather than overwrite one that should not be there
            definition = "CREATE " + definition.substring(OR_REPLACE.length());
        }
        if (!definition.endsWith(";")) {
            definition = definition + ";";
        }
        if (SQL_LANGUAGE.matcher(routine.definition()).find() && STRING_BODY.matcher(routine.definition()).find()) {
            return List.of(Statement.of("SET check_function_bodies = off;"), Statement.of(definition),
                    Statement.of("RESET check_function_bodies;"));
        }
        return List.of(Statement.of(definition));
    }
}
