package io.automigrate.state;

import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.shadow.ShadowKind;
import io.automigrate.shadow.ShadowOptions;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateReaderTest {
    private static final String SCHEMA = "CREATE SCHEMA app;\nCREATE TABLE app.items (id int PRIMARY KEY, name text);\n";

    @TempDir
    Path dir;

    private static ShadowOptions urlShadow(String url) {
        return new ShadowOptions(ShadowKind.URL, ShadowOptions.DEFAULT_PG_VERSION, url, null);
    }

    private static int automigrateDatabases() throws Exception {
        try (ShadowDatabase probe = TestPostgres.newDatabase("probe");
             Connection c = probe.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE 'automigrate_desired_%' OR datname LIKE 'automigrate_empty_%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void files_and_empty_go_through_one_lazily_started_shadow_and_leave_nothing_behind() throws Exception {
        Path file = dir.resolve("schema.sql");
        Files.writeString(file, SCHEMA);
        try (ShadowDatabase host = TestPostgres.newDatabase("host")) {
            int before = automigrateDatabases();
            try (StateReader resolver = new StateReader(urlShadow(host.url().display()), InspectOptions.all())) {
                assertFalse(resolver.shadowStarted());
                Catalog fromFile = resolver.read(SchemaState.parse(file.toString()));
                assertTrue(resolver.shadowStarted());
                assertTrue(fromFile.table(QualifiedName.of("app", "items")).isPresent());
                Catalog empty = resolver.read(SchemaState.parse("empty"));
                assertTrue(empty.tables().isEmpty());
            }
            assertEquals(before, automigrateDatabases());
        }
    }

    @Test
    void a_url_is_inspected_read_only_without_a_shadow() throws Exception {
        try (ShadowDatabase live = TestPostgres.newDatabase("live")) {
            TestPostgres.execute(live, SCHEMA);
            try (StateReader resolver = new StateReader(urlShadow("postgresql://nobody@127.0.0.1:1/none"),
                    new InspectOptions(java.util.List.of("app"), java.util.List.of()))) {
                Catalog catalog = resolver.read(SchemaState.parse(live.url().display()));
                assertEquals(1, catalog.tables().size());
                assertFalse(resolver.shadowStarted());
                // The unreachable shadow is only touched when a side needs it.
                var e = assertThrows(AutomigrateException.class, () -> resolver.read(SchemaState.parse("empty")));
                assertEquals(ExitCode.DATABASE, e.exitCode());
            }
        }
    }
}
