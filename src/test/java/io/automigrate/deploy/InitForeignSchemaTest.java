package io.automigrate.deploy;

import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * init writes the live schema as SQL into the schema file: a schema automigrate only reads (a Prisma schema, a
 * command's output) must never be overwritten, not even with --force; init says to adopt instead.
 */
class InitForeignSchemaTest {
    private static final String PRISMA = """
            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }

            model User {
              id    Int    @id @default(autoincrement())
              email String @unique
            }
            """;

    @TempDir
    Path dir;

    @Test
    void initRefusesToWriteOverAPrismaSchemaOrACommand() throws Exception {
        try (ShadowDatabase live = TestPostgres.newDatabase("init_prisma")) {
            TestPostgres.execute(live, "CREATE TABLE legacy (id int PRIMARY KEY)");
            Project prisma = new Project(dir.resolve("prisma-project"))
                    .file("prisma/schema.prisma", PRISMA)
                    .file("automigrate.yml", "schema: prisma/schema.prisma\n");
            for (String[] args : new String[][] {{"init", "--url", live.url().display()},
                    {"init", "--url", live.url().display(), "--force"}}) {
                Project.Run run = prisma.expect(2, args);
                assertTrue(run.err().contains("prisma/schema.prisma") && run.err().contains("init --adopt"), run.err());
            }
            assertEquals(PRISMA, Files.readString(prisma.root.resolve("prisma/schema.prisma")));

            Project command = new Project(dir.resolve("command-project"))
                    .file("automigrate.yml", "schema:\n  command: \"cat schema.out\"\n");
            Project.Run run = command.expect(2, "init", "--url", live.url().display(), "--force");
            assertTrue(run.err().contains("cat schema.out") && run.err().contains("init --adopt"), run.err());

            try (Connection c = live.connect(); ResultSet rs = c.createStatement().executeQuery(
                    "SELECT count(*) FROM pg_tables WHERE tablename = 'databasechangelog'")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "init recorded a history");
            }
            assertFalse(Files.exists(command.root.resolve("cat schema.out")));
        }
    }
}
