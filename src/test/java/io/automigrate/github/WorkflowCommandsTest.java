package io.automigrate.github;

import io.automigrate.AutomigrateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkflowCommandsTest {
    @TempDir
    Path dir;

    @Test
    void outputsUseTheHeredocFormForMultiLineValuesAndAnnotationsEscapeTheirText() throws Exception {
        Path output = dir.resolve("output");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        WorkflowCommands commands = new WorkflowCommands(new PrintStream(log, true, StandardCharsets.UTF_8), output,
                dir.resolve("summary"));
        commands.output("risk", "low");
        commands.output("applied", "a\nb");
        commands.annotate(WorkflowCommands.Level.WARNING, "db/schema,v2.sql", 4, "AM102 column: dropped",
                "100% gone\nforever");
        String text = Files.readString(output);
        assertTrue(text.startsWith("risk=low\napplied<<ghadelimiter_"), text);
        String delimiter = text.lines().toList().get(1).substring("applied<<".length());
        assertEquals("risk=low\napplied<<" + delimiter + "\na\nb\n" + delimiter + "\n", text);
        assertEquals("::warning file=db/schema%2Cv2.sql,line=4,title=AM102 column%3A dropped::100%25 gone%0Aforever\n",
                log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anErrorThatCarriesAPlaceIsAnnotatedThereRelativeToTheRepositoryRoot() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        WorkflowCommands commands = new WorkflowCommands(new PrintStream(log, true, StandardCharsets.UTF_8), null, null);
        // a monorepo: the project is services/shop, GitHub wants paths from the repository root
        commands.paths(dir, dir.resolve("services/shop"));
        commands.error("db/schema.sql:10:34: syntax error at or near \"bigint\"",
                new AutomigrateException.Location("db/schema.sql", 10, 34));
        commands.error("apply to environment 'staging' failed: db/migrations/20261101000000_add_users.sql:3: "
                + "changeset automigrate:20261101000000_add_users failed",
                new AutomigrateException.Location("db/migrations/20261101000000_add_users.sql", 3, 0));
        Path prisma = dir.resolve("services/shop/prisma/schema.prisma");
        commands.error(prisma + ":7:3: unknown attribute", new AutomigrateException.Location(prisma.toString(), 7, 3));
        commands.error("automigrate.yml: not found", new AutomigrateException.Location("automigrate.yml", 0, 0));
        // The place is data: a message that merely looks like one is not read for it (front ends never parse text).
        commands.error("db/migrations/x.sql:3: looks like a place, carries none");
        assertEquals("::error file=services/shop/db/schema.sql,line=10,col=34::db/schema.sql:10:34: syntax error at "
                + "or near \"bigint\"\n"
                + "::error file=services/shop/db/migrations/20261101000000_add_users.sql,line=3::apply to environment "
                + "'staging' failed: db/migrations/20261101000000_add_users.sql:3: changeset "
                + "automigrate:20261101000000_add_users failed\n"
                + "::error file=services/shop/prisma/schema.prisma,line=7,col=3::" + prisma + ":7:3: unknown attribute\n"
                + "::error file=services/shop/automigrate.yml::automigrate.yml: not found\n"
                + "::error::db/migrations/x.sql:3: looks like a place, carries none\n",
                log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFailureKeepsItsPlaceWhenWrappedWithMoreWords() {
        AutomigrateException located = AutomigrateException.badInputAt(
                new AutomigrateException.Location("db/migrations/x.sql", 3, 0), "malformed changeset line");
        assertEquals("db/migrations/x.sql:3: malformed changeset line", located.getMessage());
        AutomigrateException wrapped = new AutomigrateException(io.automigrate.ExitCode.CHECK_FAILED,
                "the migration history does not replay: " + located.getMessage(), located);
        assertEquals(located.location(), wrapped.location());
    }

    @Test
    void maskedSecretsAreMaskedLineByLineAndRedactedFromOutputsAndSummary() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        WorkflowCommands commands = new WorkflowCommands(new PrintStream(log, true, StandardCharsets.UTF_8),
                dir.resolve("output"), dir.resolve("summary"));
        commands.mask("first-secret-line\nsecond-secret-line");
        commands.output("x", "value first-secret-line\nsecond-secret-line");
        commands.summary("summary first-secret-line\nsecond-secret-line");
        commands.log("log first-secret-line");
        assertEquals("::add-mask::first-secret-line\n::add-mask::second-secret-line\nlog ***\n",
                log.toString(StandardCharsets.UTF_8));
        assertTrue(!Files.readString(dir.resolve("output")).contains("secret-line"));
        assertTrue(!Files.readString(dir.resolve("summary")).contains("secret-line"));
    }

    @Test
    void aReportTooLongForACommentIsCutWithItsCodeBlockClosed() {
        String body = "<!-- marker -->\n```sql\n" + "SELECT 1;\n".repeat(20_000) + "```\n";
        String fitted = Action.fitComment(body);
        assertTrue(fitted.length() < 65_536, "GitHub's limit");
        assertTrue(fitted.startsWith("<!-- marker -->"), "the marker stays");
        assertTrue(fitted.contains("SELECT 1;\n```\n\n**The report is too long for a comment"), fitted.substring(59_900));
        assertEquals("short", Action.fitComment("short"));
    }
}
