package io.automigrate.lint;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plain rename in a hand-written file is a rename: no "new foreign key" for the constraints it carries along. */
class FileRenameLintTest {
    private static final String SETUP = """
            CREATE TABLE users (id bigint PRIMARY KEY, email text);
            CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));
            CREATE TABLE profiles (user_id bigint PRIMARY KEY REFERENCES users (id), manager_id bigint REFERENCES users (id));
            """;

    @Test
    void renamingAReferencedTableAddsNoForeignKey() {
        List<Finding> found = LintFiles.lint(SETUP, "ALTER TABLE users RENAME TO people;\n");
        assertEquals(List.of("AM201"), LintFiles.codes(found), found.toString());
    }

    @Test
    void renamingATableThatReferencesAnotherAddsNoForeignKey() {
        List<Finding> found = LintFiles.lint(SETUP, "ALTER TABLE orders RENAME TO purchases;\n");
        assertEquals(List.of("AM201"), LintFiles.codes(found), found.toString());
    }

    @Test
    void renamingAColumnThatAForeignKeyUsesAddsNoForeignKey() {
        List<Finding> found = LintFiles.lint(SETUP, "ALTER TABLE orders RENAME COLUMN user_id TO buyer_id;\n");
        assertEquals(List.of("AM202"), LintFiles.codes(found), found.toString());
    }

    @Test
    void renamingAReferencedColumnAddsNoForeignKey() {
        List<Finding> found = LintFiles.lint(SETUP, "ALTER TABLE users RENAME COLUMN id TO uid;\n");
        assertTrue(LintFiles.codes(found).contains("AM202"), found.toString());
        assertFalse(LintFiles.codes(found).contains("AM303") || LintFiles.codes(found).contains("AM403"), found.toString());
    }

    @Test
    void aKeyTheFileReallyAddsBesideARenameIsStillReported() {
        List<Finding> found = LintFiles.lint(SETUP + "CREATE TABLE notes (id bigint PRIMARY KEY, author bigint);",
                "ALTER TABLE users RENAME TO people;\nALTER TABLE notes ADD CONSTRAINT notes_author_fkey "
                        + "FOREIGN KEY (author) REFERENCES people (id);\n");
        assertEquals(List.of("AM201", "AM303", "AM403"), LintFiles.codes(found), found.toString());
    }
}
