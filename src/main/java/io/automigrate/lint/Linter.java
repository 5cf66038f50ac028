package io.automigrate.lint;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.diff.ChangeAction;
import io.automigrate.diff.DiffOptions;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.diff.SchemaDiffer;
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

    /**
     * A migration file that takes the schema from {@code before} to {@code after} (apply's gate): the typed rules see
     * the file's own statements, as {@code lint} does, so a file written in online forms (CREATE INDEX CONCURRENTLY)
     * is judged by what it runs, not by a plain rendering of its diff; the renames it spells out are renames.
     */
    public static List<Finding> file(Catalog before, Catalog after, MigrationFile file, String shown) {
        List<StatementShapes.Shape> shapes = new ArrayList<>();
        for (Changeset c : file.changesets()) shapes.addAll(shapes(c, shown));
        SchemaDiff diff = SchemaDiffer.diff(before, after,
                FileLinter.options(FileLinter.renames(shapes, before, shown)));
        List<LintSubject.ChangeSql> changes = FileLinter.withoutCarriedAlong(diff.changes()).stream()
                .map(c -> new LintSubject.ChangeSql(c, FileLinter.statementsOf(c, shapes))).toList();
        List<Finding> findings = new ArrayList<>(changes(new LintSubject(before, before, after, changes, diff.notes())));
        findings.addAll(statements(file, shown));
        return findings;
    }

    /**
     * {@code findings} of {@code file} placed in it: each in {@code shown} at the line of its statement (else of the
     * first changeset), as {@code lint} places them.
     */
    public static List<Finding> located(List<Finding> findings, MigrationFile file, String shown) {
        List<StatementShapes.Shape> shapes = new ArrayList<>();
        for (Changeset c : file.changesets()) shapes.addAll(shapes(c, shown));
        int fallback = file.changesets().isEmpty() ? 1 : file.changesets().get(0).line();
        return findings.stream().map(f -> f.at(shown, f.line() > 0 ? f.line() : shapes.stream()
                .filter(s -> s.sql().equals(f.statement())).mapToInt(StatementShapes.Shape::line).findFirst()
                .orElse(fallback))).toList();
    }

    /** An object a migration file creates, and the line of the statement that creates it (its changeset's if unknown). */
    public record Created(ObjectRef object, int line) {
    }

    /**
     * What a migration file taking the schema from {@code before} to {@code after} creates (tables, columns, indexes,
     * ...; a rename is not a creation), each with the line of its statement in the file.
     */
    public static List<Created> created(Catalog before, Catalog after, MigrationFile file, String shown) {
        List<StatementShapes.Shape> shapes = new ArrayList<>();
        for (Changeset c : file.changesets()) shapes.addAll(shapes(c, shown));
        SchemaDiff diff = SchemaDiffer.diff(before, after,
                new DiffOptions(false, FileLinter.renames(shapes, before, shown)));
        int fallback = file.changesets().isEmpty() ? 1 : file.changesets().get(0).line();
        return FileLinter.withoutCarriedAlong(diff.changes()).stream()
                .filter(c -> c.action() == ChangeAction.CREATE)
                .map(c -> new Created(c.target(), FileLinter.statementsOf(c, shapes).stream()
                        .mapToInt(StatementShapes.Shape::line).findFirst().orElse(fallback)))
                .toList();
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
