package io.automigrate.migrate;

import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Users have DATABASECHANGELOG rows holding the checksums Liquibase computed for their files: a changeset whose text
 * did not change must keep its checksum, however automigrate executes it. The expected values were computed by the
 * code before changesets were executed verbatim (Liquibase 4.33 running its own formatted-SQL changes) and must never
 * be edited to make this test pass; for the same reason the corpus files under src/test/resources/verbatim-corpus
 * are frozen: add a new file instead of editing one.
 */
class ChecksumStabilityTest {
    @TempDir
    Path root;

    /** A generated migration, as FormattedSql.write renders it: a transactional and a runInTransaction:false one. */
    private static final MigrationFile GENERATED = new MigrationFile("20260201000000_generated.sql", List.of(
            new Changeset("automigrate", "20260201000000_generated-1", true, "add a function",
                    """
                    CREATE TABLE public.items (id bigint PRIMARY KEY, data jsonb);
                    CREATE FUNCTION public.item_has(k text) RETURNS bigint LANGUAGE plpgsql AS $$
                    BEGIN
                      -- a comment in the body
                      RETURN (SELECT count(*) FROM public.items WHERE data ? k);
                    END;
                    $$;""",
                    "DROP FUNCTION public.item_has(text);\nDROP TABLE public.items;", 0, List.of()),
            new Changeset("automigrate", "20260201000000_generated-2", false, null,
                    "CREATE INDEX CONCURRENTLY items_data_idx ON public.items USING gin (data);\n"
                            + "CREATE UNIQUE INDEX CONCURRENTLY items_id_idx ON public.items (id);",
                    "DROP INDEX CONCURRENTLY public.items_data_idx;", 0, List.of())));

    /** Hand-written without any attribute: Liquibase's defaults (split at ;, comments kept). */
    private static final String PLAIN = """
            --liquibase formatted sql

            -- changeset alice:plain-1
            -- a leading comment
            CREATE TABLE public.plain (id int);   -- trailing
            INSERT INTO public.plain VALUES (1);
            --rollback DROP TABLE public.plain;

            --changeset alice:plain-2 stripComments:true endDelimiter:;
            /* block */ ALTER TABLE public.plain ADD COLUMN note text;
            """;

    private static final Map<String, String> EXPECTED_V9 = Map.ofEntries(
            Map.entry("db/migrations/20260101000000_functions_with_comments.sql::functions-with-comments::verbatim", "9:44ea359a8f6b172442a5852bb5eecf20"),
            Map.entry("db/migrations/20260102000000_do_block_and_nested_dollars.sql::do-block::verbatim", "9:04441faa711ec87f57af0e180dfd5050"),
            Map.entry("db/migrations/20260102000000_do_block_and_nested_dollars.sql::nested-dollars::verbatim", "9:c8fea14697e0d40c65bd9c28d04e3dda"),
            Map.entry("db/migrations/20260103000000_strings_and_operators.sql::jsonb-operators::verbatim", "9:57a152db181325a6805ff7756185155d"),
            Map.entry("db/migrations/20260103000000_strings_and_operators.sql::strings::verbatim", "9:46e091e843bb6bac1afa3bec2c49e1e7"),
            Map.entry("db/migrations/20260104000000_begin_atomic_and_trigger.sql::begin-atomic::verbatim", "9:488a99deab8a272db4cb25dc1accda2d"),
            Map.entry("db/migrations/20260104000000_begin_atomic_and_trigger.sql::trigger::verbatim", "9:85370cf3d993174c95bb6c520f85255e"),
            Map.entry("db/migrations/20260105000000_concurrent_indexes.sql::concurrent-indexes::verbatim", "9:310c09c21512c543e0c9b5326327299f"),
            Map.entry("db/migrations/20260201000000_generated.sql::20260201000000_generated-1::automigrate", "9:b5ae6179644259265a9ffde75a3e965f"),
            Map.entry("db/migrations/20260201000000_generated.sql::20260201000000_generated-2::automigrate", "9:54d16a98166fb4a877ed31958e31d032"),
            Map.entry("db/migrations/20260202000000_plain.sql::plain-1::alice", "9:a6e8056746e4dc56e735e1d5c41029eb"),
            Map.entry("db/migrations/20260202000000_plain.sql::plain-2::alice", "9:3ad21684652f459f892f6047f4f066f4"));

    private static final Map<String, String> EXPECTED_V8 = Map.ofEntries(
            Map.entry("db/migrations/20260101000000_functions_with_comments.sql::functions-with-comments::verbatim", "8:bc8400c5fec068ad87af44ea0bb39a6b"),
            Map.entry("db/migrations/20260102000000_do_block_and_nested_dollars.sql::do-block::verbatim", "8:b1fe63a89cd2316a94619db27f7cf56e"),
            Map.entry("db/migrations/20260102000000_do_block_and_nested_dollars.sql::nested-dollars::verbatim", "8:65d53f76392d987c16fa9020b96e1c18"),
            Map.entry("db/migrations/20260103000000_strings_and_operators.sql::jsonb-operators::verbatim", "8:121ae95f5c1e57bb147925e3c3ceaf27"),
            Map.entry("db/migrations/20260103000000_strings_and_operators.sql::strings::verbatim", "8:88ebcb089e028e476536dace4fbacf3a"),
            Map.entry("db/migrations/20260104000000_begin_atomic_and_trigger.sql::begin-atomic::verbatim", "8:79452fd1f2b558c6420fa103a9482508"),
            Map.entry("db/migrations/20260104000000_begin_atomic_and_trigger.sql::trigger::verbatim", "8:b7a12ca16a9e7a3d80adb15fb75832b4"),
            Map.entry("db/migrations/20260105000000_concurrent_indexes.sql::concurrent-indexes::verbatim", "8:acb6926a435e91bcd8649c6611f10a3e"),
            Map.entry("db/migrations/20260201000000_generated.sql::20260201000000_generated-1::automigrate", "8:472d64f3cbc8c8098a3b29b8d5a0dda6"),
            Map.entry("db/migrations/20260201000000_generated.sql::20260201000000_generated-2::automigrate", "8:6dcdeb9cc6b42149c991af991beb3558"),
            Map.entry("db/migrations/20260202000000_plain.sql::plain-1::alice", "8:2a497e0e24d9592801e3dd933ef5580c"),
            Map.entry("db/migrations/20260202000000_plain.sql::plain-2::alice", "8:1ba3c0dd52a034f91d5406ab64189d1b"));

    @Test
    void checksumsOfAppliedFilesDoNotChange() throws Exception {
        Path migrations = root.resolve("db/migrations");
        Files.createDirectories(migrations);
        Path corpus = Path.of("src/test/resources/verbatim-corpus/db/migrations");
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path file : files.toList()) Files.copy(file, migrations.resolve(file.getFileName()));
        }
        Files.writeString(migrations.resolve(GENERATED.fileName()), FormattedSql.write(GENERATED));
        Files.writeString(migrations.resolve("20260202000000_plain.sql"), PLAIN);
        MigrationHistory history = MigrationHistory.read(root, "db/migrations", false);
        try (ShadowDatabase db = TestPostgres.newDatabase("checksums"); Connection c = db.connect();
             LiquibaseRunner runner = LiquibaseRunner.forHistory(c, history)) {
            Map<String, String> v9 = new TreeMap<>(runner.checksums(9));
            Map<String, String> v8 = new TreeMap<>(runner.checksums(8));
            assertEquals(new TreeMap<>(EXPECTED_V9), v9);
            assertEquals(new TreeMap<>(EXPECTED_V8), v8);
        }
    }
}
