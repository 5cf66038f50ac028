package io.automigrate.diff;

import io.automigrate.catalog.Catalog;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Objects of the kinds no migration is generated for are never invisible: two schemas that differ only in one of them
 * do not compare equal, and the diff's notes name the object and say what to write by hand. Each schema is loaded in
 * a transaction that is rolled back, on one database.
 */
class NotGeneratedTest {
    private static final String TABLE = "CREATE TABLE t (id int PRIMARY KEY, a int, b int);";
    private static final String ADD = "CREATE FUNCTION add2(int, int) RETURNS int LANGUAGE sql IMMUTABLE"
            + " AS 'SELECT $1 + $2';";
    private static final String LOWER_EQ = "CREATE FUNCTION lower_eq(text, text) RETURNS boolean LANGUAGE sql"
            + " IMMUTABLE AS 'SELECT lower($1) = lower($2)';";
    private static final String READER = "DO $$ BEGIN CREATE ROLE not_generated_reader NOLOGIN;"
            + " EXCEPTION WHEN duplicate_object THEN NULL; END $$;";
    private static final String EVENT_FUNCTION = "CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql"
            + " AS $$BEGIN END$$;";

    private static ShadowDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestPostgres.newDatabase("notgenerated");
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    /** kind | identity | the current schema | the desired schema (the first plus the object, or the object changed) */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            statistics | public.t_ab | {t} | {t} CREATE STATISTICS t_ab (dependencies) ON a, b FROM t;
            statistics | public.t_ab | {t} CREATE STATISTICS t_ab (dependencies) ON a, b FROM t; | {t} CREATE STATISTICS t_ab (ndistinct) ON a, b FROM t;
            aggregate | public.total(integer) | {add} | {add} CREATE AGGREGATE total(int) (SFUNC = add2, STYPE = int, INITCOND = '0');
            operator | public.===(text,text) | {lower_eq} | {lower_eq} CREATE OPERATOR === (LEFTARG = text, RIGHTARG = text, FUNCTION = lower_eq);
            cast | (public.pair AS text) | "CREATE TYPE pair AS (x int, y int); CREATE FUNCTION pair_text(pair) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT ($1).x::text';" | "CREATE TYPE pair AS (x int, y int); CREATE FUNCTION pair_text(pair) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT ($1).x::text'; CREATE CAST (pair AS text) WITH FUNCTION pair_text(pair);"
            range type | public.float_span | "" | CREATE TYPE float_span AS RANGE (subtype = float8, subtype_diff = float8mi);
            text search configuration | public.english_plain | "" | CREATE TEXT SEARCH CONFIGURATION english_plain (COPY = english);
            publication | changes | {t} | {t} CREATE PUBLICATION changes FOR TABLE t;
            publication | changes | {t} CREATE PUBLICATION changes FOR TABLE t; | {t} CREATE PUBLICATION changes FOR TABLE t WITH (publish = 'insert');
            event trigger | ddl_watch | {event} | {event} CREATE EVENT TRIGGER ddl_watch ON ddl_command_end EXECUTE FUNCTION on_ddl();
            foreign-data wrapper | files_fdw | "" | CREATE FOREIGN DATA WRAPPER files_fdw;
            """)
    void aDifferenceIsNamedNeverSilent(String kind, String identity, String from, String to) throws SQLException {
        Catalog current = load(expand(from));
        Catalog desired = load(expand(to));
        assertFalse(SchemaDiffer.sameSchema(current, desired), "the schemas must not compare equal");
        List<NotGenerated.Difference> differences = NotGenerated.between(current, desired, false);
        assertEquals(1, differences.size(), differences.toString());
        assertEquals(kind + " " + identity, differences.get(0).object().describe());
        SchemaDiff diff = SchemaDiffer.diff(current, desired, DiffOptions.defaults());
        assertTrue(diff.notes().stream().anyMatch(n -> n.startsWith(kind + " " + identity)
                && n.contains("automigrate does not") && n.contains("written by hand")), diff.notes().toString());
        // the other way round names it too
        assertEquals(1, NotGenerated.between(desired, current, false).size());
    }

    @ParameterizedTest(name = "with privileges compared: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            true
            false
            """)
    void defaultPrivilegesCountWhereGrantsDo(boolean withPrivileges) throws SQLException {
        Catalog current = load(READER);
        Catalog desired = load(READER + " ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES"
                + " TO not_generated_reader;");
        assertEquals(withPrivileges ? 1 : 0, NotGenerated.between(current, desired, withPrivileges).size());
        assertTrue(SchemaDiffer.sameSchema(current, desired), "privileges are left aside by default");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a range type's constructors are no functions of the schema | CREATE TYPE float_span AS RANGE (subtype = float8, subtype_diff = float8mi);
            """)
    void rangeConstructorsAreNotRoutines(String why, String sql) throws SQLException {
        Catalog catalog = load(sql);
        assertTrue(catalog.routines().isEmpty(), why + ": " + catalog.routines());
        assertEquals(1, catalog.unmanaged().size(), catalog.unmanaged().toString());
    }

    private static String expand(String sql) {
        return sql.replace("{t}", TABLE).replace("{add}", ADD).replace("{lower_eq}", LOWER_EQ)
                .replace("{event}", EVENT_FUNCTION);
    }

    private static Catalog load(String sql) throws SQLException {
        return TestPostgres.inspectRolledBack(database, sql);
    }
}
