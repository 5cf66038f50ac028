package io.automigrate.sql;

import io.automigrate.catalog.Grant;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.diff.Change;
import io.automigrate.diff.PolicyChanges;
import io.automigrate.diff.ProgrammableComment;
import io.automigrate.diff.ProgrammableGrants;
import io.automigrate.diff.ProgrammableSubject;
import io.automigrate.diff.RoutineChanges;
import io.automigrate.diff.TriggerChanges;
import io.automigrate.diff.TypeChanges;
import io.automigrate.diff.ViewChanges;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Renders the changes of {@link io.automigrate.diff.ProgrammableObjects}: each kind by its own class
 * ({@link TypeSql}, {@link ViewSql}, {@link RoutineSql}, {@link TriggerSql}, {@link PolicySql}); comments and
 * privileges, which every kind shares, here.
 */
public final class ProgrammableSql implements ChangeRenderer {
    @Override
    public List<Statement> render(Change change) {
        if (change instanceof ProgrammableComment c) {
            return List.of(comment(c.subject(), c.object(), c.member(), c.after()));
        }
        if (change instanceof ProgrammableGrants g) {
            return privileges(g.subject(), g.object(), g.before(), g.after());
        }
        // Each kind's change records are nested in its *Changes class.
        Class<?> kind = change.getClass().getEnclosingClass();
        if (kind == TypeChanges.class) return TypeSql.render(change);
        if (kind == ViewChanges.class) return ViewSql.render(change);
        if (kind == RoutineChanges.class) return RoutineSql.render(change);
        if (kind == TriggerChanges.class) return TriggerSql.render(change);
        if (kind == PolicyChanges.class) return PolicySql.render(change);
        return null;
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
            case POLICY -> "POLICY " + Sql.ident(object.member()) + " ON " + qualified;
        };
    }
}
