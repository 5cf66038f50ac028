package io.automigrate.diff;

import io.automigrate.catalog.Catalog;
import io.automigrate.inspect.CatalogInspector;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ColumnCasts}, from the facts a catalog reads off the server, agrees with PostgreSQL on what each type change
 * needs: nothing, {@code USING col::type}, or (where PostgreSQL has no cast) the user's expression; and an enum's
 * conversion through its text applies.
 */
class ColumnCastsTest {
    private static final String TYPES_DDL = """
            CREATE TYPE public.mood AS ENUM ('sad', 'happy');
            CREATE TYPE public.level AS ENUM ('low', 'high');
            CREATE DOMAIN public.positive AS integer CHECK (VALUE > 0);
            CREATE DOMAIN public.short_text AS character varying(10);
            CREATE DOMAIN public.loud_mood AS public.mood;
            CREATE TYPE public.pair AS (a integer, b integer);
            """;
    private static final List<String> TYPES = List.of("smallint", "bigint", "numeric(10,2)", "real", "text",
            "character varying(20)", "character(5)", "boolean", "date", "timestamp(3) with time zone",
            "time without time zone", "interval day to second", "json", "jsonb", "uuid", "cidr", "bit(8)",
            "integer[]", "text[]", "bytea", "money", "public.mood", "public.level", "public.mood[]",
            "public.positive", "public.short_text", "public.loud_mood", "public.pair");

    /**
     * For each pair, which ALTER COLUMN ... TYPE PostgreSQL accepts on an empty table: without USING, with
     * {@code USING v::type}, with {@code USING v::text::type}. One call, each attempt in a rolled-back subtransaction.
     */
    private static final String PROBE = """
            CREATE FUNCTION pg_temp.probe(pairs text[]) RETURNS TABLE (pair text, accepted text)
            LANGUAGE plpgsql AS $$
            DECLARE
                p text[];
                attempt text;
                made text;
            BEGIN
                FOREACH p SLICE 1 IN ARRAY pairs LOOP
                    IF made IS DISTINCT FROM p[1] THEN
                        DROP TABLE IF EXISTS probe;
                        EXECUTE format('CREATE TABLE probe (v %s)', p[1]);
                        made := p[1];
                    END IF;
                    pair := p[1] || ' -> ' || p[2];
                    accepted := '';
                    FOREACH attempt IN ARRAY ARRAY['', ' USING v::' || p[2], ' USING v::text::' || p[2]] LOOP
                        BEGIN
                            EXECUTE format('ALTER TABLE probe ALTER COLUMN v TYPE %s', p[2]) || attempt;
                            RAISE EXCEPTION 'accepted';
                        EXCEPTION
                            WHEN raise_exception THEN accepted := accepted || '1';
                            WHEN datatype_mismatch OR cannot_coerce THEN accepted := accepted || '0';
                        END;
                    END LOOP;
                    RETURN NEXT;
                END LOOP;
            END$$
            """;

    @Test
    void conversionIsWhatPostgresNeeds() throws SQLException {
        List<String> disagreements = new ArrayList<>();
        try (ShadowDatabase db = TestPostgres.newDatabase("casts"); Connection c = db.connect()) {
            TestPostgres.execute(db, TYPES_DDL);
            Catalog catalog = CatalogInspector.inspect(c, InspectOptions.all());
            assertTrue(catalog.server().known(), "pg_cast read");
            assertTrue(catalog.server().version() >= 130000, "server version read");
            ColumnCasts casts = ColumnCasts.of(catalog, catalog);
            assertEquals(ColumnCasts.Conversion.NONE, casts.conversion("bigint", "timestamp without time zone"));
            assertEquals(ColumnCasts.Conversion.NONE, casts.conversion("integer[]", "integer"));
            List<String[]> pairs = new ArrayList<>();
            for (String from : TYPES) {
                for (String to : TYPES) {
                    if (!from.equals(to)) pairs.add(new String[] {from, to});
                }
            }
            Map<String, String> accepted = new HashMap<>();
            try (java.sql.Statement st = c.createStatement()) {
                st.execute(PROBE);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT pair, accepted FROM pg_temp.probe(?)")) {
                ps.setArray(1, c.createArrayOf("text", pairs.toArray(new String[0][])));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) accepted.put(rs.getString(1), rs.getString(2));
                }
            }
            for (String[] pair : pairs) {
                String probe = accepted.get(pair[0] + " -> " + pair[1]);
                String postgres = probe.charAt(0) == '1' ? "AUTOMATIC" : probe.charAt(1) == '1' ? "EXPLICIT" : "NONE";
                ColumnCasts.Conversion ours = casts.conversion(pair[0], pair[1]);
                boolean agree = switch (ours) {
                    case AUTOMATIC, EXPLICIT -> ours.name().equals(postgres);
                    // an enum's labels: PostgreSQL has no cast, the conversion through text must apply
                    case VIA_TEXT -> postgres.equals("NONE") && probe.charAt(2) == '1';
                    case NONE -> postgres.equals("NONE");
                };
                if (!agree) {
                    disagreements.add(pair[0] + " -> " + pair[1] + ": ours " + ours + ", PostgreSQL " + postgres);
                }
            }
        }
        assertEquals(List.of(), disagreements);
    }
}
