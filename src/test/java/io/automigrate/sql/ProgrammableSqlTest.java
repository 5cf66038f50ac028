package io.automigrate.sql;

import io.automigrate.catalog.CompositeType;
import io.automigrate.catalog.Domain;
import io.automigrate.catalog.EnumType;
import io.automigrate.catalog.Grant;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.Policy;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.catalog.Routine;
import io.automigrate.catalog.RoutineKind;
import io.automigrate.catalog.Trigger;
import io.automigrate.catalog.View;
import io.automigrate.diff.Change;
import io.automigrate.diff.ChangeAction;
import io.automigrate.diff.PolicyChanges;
import io.automigrate.diff.AlterProgrammableComment;
import io.automigrate.diff.AlterProgrammableGrants;
import io.automigrate.diff.ProgrammableSubject;
import io.automigrate.diff.RoutineChanges;
import io.automigrate.diff.TriggerChanges;
import io.automigrate.diff.TypeChanges;
import io.automigrate.diff.ViewChanges;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgrammableSqlTest {
    private static final EnumType ENUM = new EnumType("app", "Status", List.of("a"), "c");
    private static final CompositeType COMPOSITE = new CompositeType("app", "pair",
            List.of(new CompositeType.Attribute("select", "integer", null)), null);
    private static final Domain DOMAIN = new Domain("app", "d", "text", "\"C\"", null, false,
            List.of(new Domain.DomainConstraint("c", "CHECK ((VALUE <> ''::text))", true, null)), null);
    private static final View VIEW = new View("app", "v", false, " SELECT 1 AS one;",
            List.of(new View.ViewColumn("one", "integer", null)), List.of("security_invoker=true"), true, null,
            List.of(new Grant("reader", "SELECT", false), new Grant("PUBLIC", "INSERT", true)));
    private static final Routine FUNCTION = new Routine("app", "f", RoutineKind.FUNCTION, "a integer", "a integer",
            "integer", "CREATE OR REPLACE FUNCTION app.f(a integer)\n RETURNS integer\n LANGUAGE plpgsql\n"
            + "AS $function$begin return a; end$function$\n", null, List.of());
    private static final Trigger TRIGGER = new Trigger("app", "t", "Trig", "CREATE TRIGGER \"Trig\" AFTER INSERT"
            + " ON app.t FOR EACH ROW EXECUTE FUNCTION app.g()", false, 'A', "note");
    private static final Policy POLICY = new Policy("app", "t", "p", false, "DELETE", List.of("a b", "PUBLIC"),
            "true", null, null);

    /** One change of every record of the family. */
    private static List<Change> everyChange() {
        TypeChanges.ColumnUse use = new TypeChanges.ColumnUse(QualifiedName.of("app", "t"), "s", false, null, "'a'");
        EnumType more = new EnumType("app", "Status", List.of("z", "a"), "c");
        Domain other = new Domain("app", "d", "text", "\"C\"", "'x'", true, List.of(), "c");
        View options = new View("app", "v", false, VIEW.definition(), VIEW.columns(), List.of("check_option=local"),
                true, null, List.of());
        View matview = new View("app", "m", true, VIEW.definition(), VIEW.columns(), List.of(), false, null,
                List.of());
        Trigger disabled = new Trigger("app", "t", "Trig", TRIGGER.definition(), false, 'D', null);
        Policy widened = new Policy("app", "t", "p", false, "DELETE", List.of("PUBLIC"), "(1 = 1)", null, null);
        return List.of(new TypeChanges.CreateEnum(ENUM), new TypeChanges.DropEnum(ENUM),
                new TypeChanges.AlterEnumAddLabels(ENUM, more, List.of(use), List.of(), false),
                new TypeChanges.RecreateEnum(more, ENUM, List.of(use), List.of()),
                new TypeChanges.CreateComposite(COMPOSITE), new TypeChanges.DropComposite(COMPOSITE),
                new TypeChanges.AlterComposite(COMPOSITE, new CompositeType("app", "pair", List.of(), null)),
                new TypeChanges.CreateDomain(DOMAIN), new TypeChanges.DropDomain(DOMAIN),
                new TypeChanges.AlterDomain(DOMAIN, other), new TypeChanges.RecreateDomain(DOMAIN, other, List.of(use)),
                new ViewChanges.CreateView(VIEW), new ViewChanges.DropView(VIEW),
                new ViewChanges.ReplaceView(VIEW, options), new ViewChanges.AlterViewOptions(VIEW, options),
                new ViewChanges.RefreshMaterializedView(matview, matview),
                new RoutineChanges.CreateRoutine(FUNCTION), new RoutineChanges.DropRoutine(FUNCTION),
                new RoutineChanges.ReplaceRoutine(FUNCTION, FUNCTION, true),
                new TriggerChanges.CreateTrigger(TRIGGER), new TriggerChanges.DropTrigger(TRIGGER),
                new TriggerChanges.AlterTriggerEnabled(TRIGGER, disabled),
                new PolicyChanges.CreatePolicy(POLICY), new PolicyChanges.DropPolicy(POLICY),
                new PolicyChanges.AlterPolicy(POLICY, widened),
                new AlterProgrammableComment(ProgrammableSubject.VIEW_COLUMN, VIEW.ref(), "one", null, "x"),
                new AlterProgrammableGrants(ProgrammableSubject.VIEW, VIEW.ref(), List.of(), VIEW.grants()));
    }

    @Test
    void everyChangeRendersTerminatedStatementsAndItsInverseIsExact() {
        for (Change change : everyChange()) {
            if (change instanceof TypeChanges.AlterEnumAddLabels add) {
                // no statement removes a label: undoing the undo swaps the type again, to the same labels
                assertEquals(new TypeChanges.RecreateEnum(add.before(), add.after(), add.columns(), add.domains()),
                        change.inverse().inverse());
            } else {
                assertEquals(change, change.inverse().inverse(), change.describe());
            }
            assertEquals(change.target().kind(), change.inverse().target().kind(), change.describe());
            List<Statement> statements = ChangeSql.of(change);
            assertNotNull(statements, change.describe());
            assertNotNull(ChangeSql.of(change.inverse()), change.describe());
            assertTrue(statements.stream().allMatch(s -> s.sql().endsWith(";") && !s.sql().endsWith(";;")),
                    change.describe() + ": " + statements);
            assertEquals(statements, ChangeSql.of(change), "deterministic: " + change.describe());
            if (change.action() == ChangeAction.CREATE) {
                assertEquals(ChangeAction.DROP, change.inverse().action());
            }
        }
    }

    @Test
    void commentsNameEveryKindOfObject() {
        ObjectRef routine = FUNCTION.ref();
        assertEquals("COMMENT ON FUNCTION app.f(a integer) IS 'x';", render(ProgrammableSubject.FUNCTION, routine, ""));
        assertEquals("COMMENT ON PROCEDURE app.f(a integer) IS 'x';", render(ProgrammableSubject.PROCEDURE, routine, ""));
        assertEquals("COMMENT ON TYPE app.\"Status\" IS 'x';", render(ProgrammableSubject.TYPE, ENUM.ref(), ""));
        assertEquals("COMMENT ON DOMAIN app.d IS 'x';", render(ProgrammableSubject.DOMAIN, DOMAIN.ref(), ""));
        assertEquals("COMMENT ON CONSTRAINT \"Check\" ON DOMAIN app.d IS 'x';",
                render(ProgrammableSubject.DOMAIN_CONSTRAINT, DOMAIN.ref(), "Check"));
        assertEquals("COMMENT ON MATERIALIZED VIEW app.v IS 'x';",
                render(ProgrammableSubject.MATERIALIZED_VIEW, VIEW.ref(), ""));
        assertEquals("COMMENT ON COLUMN app.v.\"order\" IS 'x';",
                render(ProgrammableSubject.VIEW_COLUMN, VIEW.ref(), "order"));
        assertEquals("COMMENT ON TRIGGER \"Trig\" ON app.t IS 'x';",
                render(ProgrammableSubject.TRIGGER, TRIGGER.ref(), ""));
        assertEquals("COMMENT ON POLICY p ON app.t IS 'x';", render(ProgrammableSubject.POLICY, POLICY.ref(), ""));
    }

    private static String render(ProgrammableSubject subject, ObjectRef ref, String member) {
        return ChangeSql.of(new AlterProgrammableComment(subject, ref, member, null, "x")).get(0).sql();
    }

    @Test
    void createdObjectsCarryOptionsGrantsStatesAndRoles() {
        assertEquals("""
                CREATE VIEW app.v WITH (security_invoker=true) AS
                SELECT 1 AS one;
                GRANT INSERT ON TABLE app.v TO PUBLIC WITH GRANT OPTION;
                GRANT SELECT ON TABLE app.v TO reader;""", text(new ViewChanges.CreateView(VIEW)));
        assertEquals("""
                REVOKE INSERT ON TABLE app.v FROM PUBLIC;
                REVOKE SELECT ON TABLE app.v FROM reader;""",
                text(new AlterProgrammableGrants(ProgrammableSubject.VIEW, VIEW.ref(), VIEW.grants(), List.of())));
        assertEquals("""
                CREATE TRIGGER "Trig" AFTER INSERT ON app.t FOR EACH ROW EXECUTE FUNCTION app.g();
                ALTER TABLE app.t ENABLE ALWAYS TRIGGER "Trig";
                COMMENT ON TRIGGER "Trig" ON app.t IS 'note';""", text(new TriggerChanges.CreateTrigger(TRIGGER)));
        assertEquals("""
                CREATE POLICY p ON app.t
                    AS RESTRICTIVE
                    FOR DELETE
                    TO "a b", PUBLIC
                    USING (true);""", text(new PolicyChanges.CreatePolicy(POLICY)));
        assertEquals("""
                CREATE FUNCTION app.f(a integer)
                 RETURNS integer
                 LANGUAGE plpgsql
                AS $function$begin return a; end$function$;
                REVOKE EXECUTE ON FUNCTION app.f(a integer) FROM PUBLIC;""",
                text(new RoutineChanges.CreateRoutine(FUNCTION)));
        assertEquals("DROP FUNCTION app.f(a integer);", text(new RoutineChanges.DropRoutine(FUNCTION)));
        assertEquals("""
                CREATE DOMAIN app.d AS text COLLATE "C"
                    CONSTRAINT c CHECK ((VALUE <> ''::text));""", text(new TypeChanges.CreateDomain(DOMAIN)));
    }

    private static String text(Change change) {
        return ChangeSql.of(change).stream().map(Statement::sql).collect(Collectors.joining("\n"));
    }
}
