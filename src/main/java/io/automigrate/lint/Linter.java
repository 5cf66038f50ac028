package io.automigrate.lint;

import io.automigrate.catalog.Catalog;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.migrate.Changeset;
import io.automigrate.migrate.MigrationFile;
import io.automigrate.source.StatementShapes;
import io.automigrate.sql.RenderedMigration;

import java.util.ArrayList;
import java.util.List;

/**
 * Every rule of the catalogue ({@link Rule}) over one migration. Typed rules read the changes of a diff and the
 * catalogs around them; statement rules read the SQL of each changeset.
 */
public final class Linter {
    private Linter() {
    }

    /** A generated migration: the diff from {@code from} to {@code to}, as rendered and written into {@code file}. */
    public static List<Finding> plan(Catalog from, Catalog to, SchemaDiff diff, RenderedMigration rendered,
                                     MigrationFile file) {
        List<Finding> findings = new ArrayList<>(changes(LintSubject.of(from, to, rendered, diff.notes())));
        findings.addAll(StatementRules.check(changesets(file, "migration")));
        return findings.stream().map(f -> f.withLine(0)).toList();
    }

    /**
     * The diff's notes that no finding repeats: a possible rename becomes finding AM207, with the hint line, so a
     * report that shows both findings and notes would say it twice.
     */
    public static List<String> notesBesideFindings(List<String> notes) {
        return notes.stream().filter(note -> !ChangeRules.isRenameSuggestion(note)).toList();
    }

    /** The typed rules (AM1xx to AM4xx) over one set of changes. */
    public static List<Finding> changes(LintSubject subject) {
        List<Finding> findings = new ArrayList<>(DestructiveRules.check(subject));
        findings.addAll(ChangeRules.check(subject));
        return findings;
    }

    /** The statement rules over a migration file's changesets; lines are the file's. */
    public static List<Finding> statements(MigrationFile file, String shown) {
        return StatementRules.check(changesets(file, shown));
    }

    private static List<StatementRules.ChangesetSql> changesets(MigrationFile file, String shown) {
        List<StatementRules.ChangesetSql> out = new ArrayList<>();
        for (Changeset c : file.changesets()) {
            out.add(new StatementRules.ChangesetSql(c.author() + ":" + c.id(), c.runInTransaction(),
                    shapes(c, shown)));
        }
        return out;
    }

    /**
     * A changeset's statements with their lines in the file: its SQL starts on the line after {@code --changeset}
     * (or after its {@code --comment} line).
     */
    static List<StatementShapes.Shape> shapes(Changeset c, String shown) {
        int first = c.line() + 1 + (c.comment() == null ? 0 : 1);
        return StatementShapes.of(c.sql(), first, shown);
    }
}
