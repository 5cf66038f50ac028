package io.automigrate.source.prisma;

import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import io.automigrate.catalog.Catalog;
import io.automigrate.db.RolledBack;
import io.automigrate.inspect.CatalogInspector;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.CatalogDifference;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Prisma corpus: each case of {@code prisma-cases/} is a {@code schema.prisma} (or a {@code schema/} folder of
 * them, Prisma's multi-file schema) and, spelled out by hand in
 * {@code expected.sql}, the schema Prisma Migrate creates for it. Both are loaded into real PostgreSQL and must
 * inspect equal. Each case of {@code prisma-errors/} is a schema automigrate must refuse with exit 2 and the
 * message (with its file:line:col) in {@code error.txt}.
 */
class PrismaCorpusTest {
    private static final Path CASES = Path.of("src/test/resources/prisma-cases");
    private static final Path ERRORS = Path.of("src/test/resources/prisma-errors");

    @TestFactory
    Stream<DynamicTest> each_schema_maps_as_prisma_migrate_maps_it() throws IOException {
        return cases(CASES).map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            String expectedSql = Files.readString(dir.resolve("expected.sql"));
            String mapped = PrismaSchema.load(source(dir), shown(dir)).sql();
            Catalog expected = catalogOf(expectedSql, "expected.sql");
            Catalog actual = catalogOf(mapped, "the mapped schema");
            List<String> differences = CatalogDifference.describe(expected.normalized(), actual.normalized());
            if (!differences.isEmpty()) {
                fail(dir.getFileName() + ": the mapped schema differs from expected.sql:\n  "
                        + String.join("\n  ", differences) + "\nmapped SQL:\n" + mapped);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> bad_schemas_are_refused_with_file_line_and_column() throws IOException {
        return cases(ERRORS).map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            String expected = Files.readString(dir.resolve("error.txt")).strip();
            var e = assertThrows(AutomigrateException.class,
                    () -> PrismaSchema.load(source(dir), shown(dir)));
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
            assertTrue(e.getMessage().startsWith(expected), () -> "expected a message starting with\n  " + expected
                    + "\nbut was\n  " + e.getMessage());
        }));
    }

    /** A case's schema: {@code schema.prisma}, or a {@code schema/} folder of .prisma files (a multi-file schema). */
    private static Path source(Path dir) {
        return Files.isDirectory(dir.resolve("schema")) ? dir.resolve("schema") : dir.resolve("schema.prisma");
    }

    private static String shown(Path dir) {
        return Files.isDirectory(dir.resolve("schema")) ? "schema" : "schema.prisma";
    }

    private static Stream<Path> cases(Path root) throws IOException {
        try (Stream<Path> list = Files.list(root)) {
            return list.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    /** One database for the whole corpus: each schema is loaded and read in a transaction that is rolled back. */
    private static ShadowDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestPostgres.newDatabase("prisma");
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    private static Catalog catalogOf(String sql, String what) {
        return RolledBack.run(database.url(), connection -> {
            try (var st = connection.createStatement()) {
                st.setEscapeProcessing(false);
                st.execute(sql);
            } catch (SQLException e) {
                throw new AssertionError(what + " does not load: " + e.getMessage() + "\n" + sql, e);
            }
            return CatalogInspector.inspect(connection, InspectOptions.all());
        });
    }
}
