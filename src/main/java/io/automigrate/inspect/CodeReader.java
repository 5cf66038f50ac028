package io.automigrate.inspect;

import io.automigrate.catalog.Policy;
import io.automigrate.catalog.Routine;
import io.automigrate.catalog.RoutineKind;
import io.automigrate.catalog.Rule;
import io.automigrate.catalog.Trigger;

import java.util.Comparator;
import java.util.List;

import static io.automigrate.inspect.CatalogSql.IN_SCOPE;
import static io.automigrate.inspect.CatalogSql.comment;
import static io.automigrate.inspect.CatalogSql.grants;
import static io.automigrate.inspect.CatalogSql.notExtensionMember;

/** Functions and procedures, triggers and row-level security policies. */
final class CodeReader {
    private static final String ROUTINES = "SELECT p.oid, n.nspname, p.proname, p.prokind,"
            + " pg_get_function_identity_arguments(p.oid) AS identity_arguments,"
            + " pg_get_function_arguments(p.oid) AS arguments,"
            + " CASE WHEN p.prokind <> 'p' THEN pg_get_function_result(p.oid) END AS result,"
            + " pg_get_functiondef(p.oid) AS definition, "
            + comment("pg_proc", "p.oid") + " AS comment, "
            + grants("p.proacl", "f", "p.proowner") + " AS grants"
            + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
            // aggregates ('a') are read as objects not generated (UnmanagedReader); a range type's constructors
            // are made by CREATE TYPE ... AS RANGE (an internal dependency on the type), not by CREATE FUNCTION
            + " WHERE p.prokind IN ('f', 'p', 'w') AND " + IN_SCOPE + " AND " + notExtensionMember("pg_proc", "p.oid")
            + " AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_proc'::regclass AND i.objid = p.oid"
            + " AND i.refclassid = 'pg_type'::regclass AND i.deptype = 'i')";

    private static final String TRIGGERS = "SELECT g.oid, n.nspname, c.relname, g.tgname,"
            + " pg_get_triggerdef(g.oid) AS definition, g.tgconstraint <> 0 AS constraint_trigger, g.tgenabled, "
            + comment("pg_trigger", "g.oid") + " AS comment"
            + " FROM pg_trigger g"
            + " JOIN pg_class c ON c.oid = g.tgrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            // internal triggers implement constraints; partitions' clones of a parent's trigger come with it
            + " WHERE NOT g.tgisinternal AND g.tgparentid = 0 AND c.relkind IN ('r', 'p', 'v', 'm')"
            + " AND " + IN_SCOPE + " AND " + notExtensionMember("pg_class", "c.oid");

    // a view's _RETURN rule is the view itself; partitions never carry rules
    private static final String RULES = "SELECT r.oid, n.nspname, c.relname, r.rulename,"
            + " pg_get_ruledef(r.oid) AS definition, r.ev_enabled, "
            + comment("pg_rewrite", "r.oid") + " AS comment"
            + " FROM pg_rewrite r"
            + " JOIN pg_class c ON c.oid = r.ev_class"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE r.rulename <> '_RETURN' AND c.relkind IN ('r', 'p', 'v', 'm')"
            + " AND " + IN_SCOPE + " AND " + notExtensionMember("pg_class", "c.oid");

    private static final String POLICIES = "SELECT p.oid, n.nspname, c.relname, p.polname, p.polpermissive,"
            + " p.polcmd,"
            + " ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(r.oid)::text END"
            + "   FROM unnest(p.polroles) r(oid)) AS roles,"
            + " pg_get_expr(p.polqual, p.polrelid) AS using_expr,"
            + " pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr, "
            + comment("pg_policy", "p.oid") + " AS comment"
            + " FROM pg_policy p"
            + " JOIN pg_class c ON c.oid = p.polrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE " + IN_SCOPE + " AND " + notExtensionMember("pg_class", "c.oid");

    private CodeReader() {
    }

    static List<Routine> routines(CatalogQueries queries, String[] scope, ObjectIds ids) {
        return queries.list("functions and procedures", ROUTINES, row -> {
            Routine routine = new Routine(row.text("nspname"), row.text("proname"),
                    row.character("prokind") == 'p' ? RoutineKind.PROCEDURE : RoutineKind.FUNCTION,
                    row.text("identity_arguments"), row.text("arguments"), row.text("result"),
                    row.text("definition"), row.text("comment"), row.grants("grants"));
            ids.add(ObjectIds.PROC, row.number("oid"), routine.ref());
            return routine;
        }, (Object) scope);
    }

    static List<Trigger> triggers(CatalogQueries queries, String[] scope, ObjectIds ids) {
        return queries.list("triggers", TRIGGERS, row -> {
            Trigger trigger = new Trigger(row.text("nspname"), row.text("relname"), row.text("tgname"),
                    row.text("definition"), row.bool("constraint_trigger"), row.character("tgenabled"),
                    row.text("comment"));
            ids.add(ObjectIds.TRIGGER, row.number("oid"), trigger.ref());
            return trigger;
        }, (Object) scope);
    }

    static List<Rule> rules(CatalogQueries queries, String[] scope, ObjectIds ids) {
        return queries.list("rules", RULES, row -> {
            Rule rule = new Rule(row.text("nspname"), row.text("relname"), row.text("rulename"),
                    row.text("definition"), row.character("ev_enabled"), row.text("comment"));
            ids.add(ObjectIds.REWRITE, row.number("oid"), rule.ref());
            return rule;
        }, (Object) scope);
    }

    static List<Policy> policies(CatalogQueries queries, String[] scope, ObjectIds ids) {
        return queries.list("row-level security policies", POLICIES, row -> {
            List<String> roles = row.texts("roles").stream().sorted(Comparator.naturalOrder()).toList();
            Policy policy = new Policy(row.text("nspname"), row.text("relname"), row.text("polname"),
                    row.bool("polpermissive"), command(row.character("polcmd")), roles, row.text("using_expr"),
                    row.text("check_expr"), row.text("comment"));
            ids.add(ObjectIds.POLICY, row.number("oid"), policy.ref());
            return policy;
        }, (Object) scope);
    }

    private static String command(char polcmd) {
        return switch (polcmd) {
            case 'r' -> "SELECT";
            case 'a' -> "INSERT";
            case 'w' -> "UPDATE";
            case 'd' -> "DELETE";
            default -> "ALL";
        };
    }
}
