package io.automigrate.git;

import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.diff.HistogramDiff;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The first changed line of an edited file: from its two texts (the base in the clone) and from a unified diff's
 * hunks (GitHub's {@code patch} when it is not), with the same answer.
 */
class ChangedLineTest {
    private static final String FILE = """
            --liquibase formatted sql

            --changeset automigrate:1
            CREATE TABLE users (
                id bigint PRIMARY KEY,
                email text NOT NULL
            );
            --rollback DROP TABLE users;
            """;

    @Test
    void theFirstHunksFirstAddedOrRemovedLineInTheNewFile() {
        String patch = """
                @@ -3,7 +3,8 @@ CREATE TABLE users (
                 --changeset automigrate:1
                 CREATE TABLE users (
                     id bigint PRIMARY KEY,
                -    email text NOT NULL
                +    email text NOT NULL,
                +    name text
                 );
                 --rollback DROP TABLE users;
                @@ -20,4 +21,3 @@
                 a
                 b
                -c
                 d""";
        assertEquals(6, ChangedLine.fromPatch(patch), "the first hunk's first change; the later hunk is after it");
    }

    @Test
    void aRemovalPointsAtTheLineThatNowFollowsIt() {
        assertEquals(4, ChangedLine.fromPatch("""
                @@ -1,7 +1,5 @@
                 a
                 b
                 c
                -d
                -e
                 f
                 g
                 h"""));
        // No context (git diff -U0): an empty new range names the line before it.
        assertEquals(4, ChangedLine.fromPatch("@@ -4,2 +3,0 @@\n-d\n-e"));
        // Every line removed: the file is empty, line 1.
        assertEquals(1, ChangedLine.fromPatch("@@ -1,2 +0,0 @@\n-a\n-b"));
        // A removed tail: past the new file's end, kept on its last line.
        int tail = ChangedLine.fromPatch("@@ -1,4 +1,3 @@\n a\n b\n c\n-d");
        assertEquals(4, tail);
        assertEquals(3, ChangedLine.within(tail, "a\nb\nc\n"));
    }

    @Test
    void noPatchOrNoChangeIsNoLine() {
        assertEquals(0, ChangedLine.fromPatch(null), "GitHub sends none for a binary file or a diff too large");
        assertEquals(0, ChangedLine.fromPatch(""));
        assertEquals(0, ChangedLine.fromPatch("Binary files differ"));
        assertEquals(0, ChangedLine.fromPatch("@@ -1,2 +1,2 @@\n a\n b"));
    }

    @Test
    void headerLinesBeforeTheFirstHunkAndTheNoNewlineMarkerAreNotLines() {
        assertEquals(2, ChangedLine.fromPatch("""
                diff --git a/x.sql b/x.sql
                --- a/x.sql
                +++ b/x.sql
                @@ -1,2 +1,2 @@
                 a
                -b
                \\ No newline at end of file
                +b"""));
    }

    @Test
    void betweenTwoTextsCountsLinesAsGitDoes() {
        assertEquals(6, ChangedLine.between(FILE, FILE.replace("NOT NULL\n", "NOT NULL,\n    name text\n")));
        assertEquals(1, ChangedLine.between("a\n", "b\n"));
        assertEquals(3, ChangedLine.between("a\nb\nc\n", "a\nb\nX\nc\n"));
        // A removed tail points at the new file's last line, not past it.
        assertEquals(2, ChangedLine.between("a\nb\nc\n", "a\nb\n"));
        // A final newline added or removed changes the last line.
        assertEquals(2, ChangedLine.between("a\nb", "a\nb\n"));
        assertEquals(2, ChangedLine.between("a\nb\n", "a\nb"));
        assertEquals(1, ChangedLine.between("a\nb\n", ""));
        assertEquals(2, ChangedLine.between("a\r\nb\r\n", "a\nc\n"), "a CRLF file reads as its LF text");
    }

    /** The same edits, answered from the texts and from git's diff of them (as GitHub's patch is). */
    @Test
    void aPatchGivesTheLineTheTwoTextsGive() {
        String[][] edits = {
                {FILE, FILE.replace("NOT NULL\n", "NOT NULL,\n    name text\n")},
                {FILE, FILE.replace("    email text NOT NULL\n", "")},
                {FILE, FILE.replace("--rollback DROP TABLE users;\n", "")},
                {FILE, FILE + "--changeset automigrate:2\nSELECT 1;\n"},
                {FILE, "-- header\n" + FILE},
                {FILE, FILE.replace("--liquibase formatted sql\n\n", "")},
                {FILE, FILE.strip()},
                {FILE.strip(), FILE},
                {FILE, ""},
        };
        for (String[] edit : edits) {
            int fromPatch = ChangedLine.within(ChangedLine.fromPatch(patch(edit[0], edit[1])), edit[1]);
            assertEquals(ChangedLine.between(edit[0], edit[1]), fromPatch, edit[1]);
        }
    }

    private static String patch(String before, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DiffFormatter format = new DiffFormatter(out)) {
            RawText a = new RawText(before.getBytes(StandardCharsets.UTF_8));
            RawText b = new RawText(after.getBytes(StandardCharsets.UTF_8));
            format.format(new HistogramDiff().diff(RawTextComparator.DEFAULT, a, b), a, b);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
