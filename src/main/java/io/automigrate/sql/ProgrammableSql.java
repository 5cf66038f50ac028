package io.automigrate.sql;

import io.automigrate.sqltext.Sql;
import io.automigrate.catalog.Grant;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.diff.AlterProgrammableComment;
import io.automigrate.diff.AlterProgrammableGrants;
import io.automigrate.diff.ProgrammableSubject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Renders the changes of {@link io.automigrate.diff.ProgrammableObjects}: each kind by its own class
 * ({@link TypeSql}, {@link ViewSql}, {@link RoutineSql}, {@link TriggerSql}, {@link PolicySql}); comments and
 * privileges, which every kind shares, here.
 */
final class ProgrammableSql {
    private ProgrammableSql() {
    }

    static List<Statement> render(AlterProgrammableComment c) {
        return List.of(comment(c.subject(), c.object(), c.member(), c.after()));
    }

    static List<Statement> render(AlterProgrammableGrants g) {
        return privileges(g.subject(), g.object(), g.before(), g.after());
    }

    /** {@code COMMENT ON ... IS ...;}, {@code IS NULL} to remove it. */
    static Statement comment(ProgrammableSubject subject, ObjectRef object, String member, String text) {
        return Statement.of("COMMENT ON " + designator(subject, object, member) + " IS " + Sql.literal(text) + ";");
    }

    /** Comments to set right after creating an object (nothing for a null comment). */
    static void commentIfAny(List<Statement> out, ProgrammableSubject subject, ObjectRef object, String member,
                             String text) {
        if (text != null) {
            out.add(comment(subject, object, member, text));
        }
    }

    /** Revokes what {@code before} has and {@code after} lacks, then grants what is new. */
    static List<Statement> privileges(ProgrammableSubject subject, ObjectRef object, List<Grant> before,
                                      List<Grant> after) {
        Set<Grant> kept = Set.copyOf(after);
        Set<Grant> had = Set.copyOf(before);
        // GRANT names views and materialized views as tables.
        boolean relation = subject == ProgrammableSubject.VIEW || subject == ProgrammableSubject.MATERIALIZED_VIEW;
        String on = " ON " + (relation ? "TABLE " + Sql.qualified(object.qualifiedName())
                : designator(subject, object, "")) + " ";
        List<Statement> out = new ArrayList<>();
        before.stream().sorted().filter(g -> !kept.contains(g)).forEach(g -> out.add(Statement.of(
                "REVOKE " + g.privilege() + on + "FROM " + Sql.role(g.grantee()) + ";")));
        after.stream().sorted().filter(g -> !had.contains(g)).forEach(g -> out.add(Statement.of(
                "GRANT " + g.privilege() + on + "TO " + Sql.role(g.grantee())
                        + (g.withGrantOption() ? " WITH GRANT OPTION" : "") + ";")));
        return out;
    }

    /** The object as COMMENT ON and GRANT name it, e.g. {@code FUNCTION public.f(integer)}. */
    static String designator(ProgrammableSubject subject, ObjectRef object, String member) {
        String qualified = Sql.qualified(object.qualifiedName());
        return switch (subject) {
            case TYPE -> "TYPE " + qualified;
            case DOMAIN -> "DOMAIN " + qualified;
            case DOMAIN_CONSTRAINT -> "CONSTRAINT " + Sql.ident(member) + " ON DOMAIN " + qualified;
            case VIEW -> "VIEW " + qualified;
            case MATERIALIZED_VIEW -> "MATERIALIZED VIEW " + qualified;
            case VIEW_COLUMN -> "COLUMN " + qualified + "." + Sql.ident(member);
            // identity arguments are PostgreSQL's own deparsed text (pg_get_function_identity_arguments)
            case FUNCTION -> "FUNCTION " + qualified + "(" + object.member() + ")";
            case PROCEDURE -> "PROCEDURE " + qualified + "(" + object.member() + ")";
            case TRIGGER -> "TRIGGER " + Sql.ident(object.member()) + " ON " + qualified;
            case RULE -> "RULE " + Sql.ident(object.member()) + " ON " + qualified;
            case POLICY -> "POLICY " + Sql.ident(object.member()) + " ON " + qualified;
        };
    }
}
