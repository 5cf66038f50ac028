package io.automigrate.plan;

import io.automigrate.catalog.ObjectRef;
import io.automigrate.lint.Finding;
import io.automigrate.lint.Linter;

import java.util.List;

/**
 * What the migration files a change adds or edits will meet at deploy, found before the merge: each added file
 * linted as {@code apply} lints it and judged by the policy of every environment it will reach; each edit of a file
 * that exists on the base (deploy refuses its changed checksum); and each object an added file creates that the
 * schema does not declare. Paths are relative to the project root, as {@link PlanResult#migrationFile()} is.
 */
public record MigrationReview(List<FileReview> files, List<EditedMigration> edited, List<SchemaGap> gaps) {

    public MigrationReview {
        files = List.copyOf(files);
        edited = List.copyOf(edited);
        gaps = List.copyOf(gaps);
    }

    /** Nothing reviewed: the change adds and edits no migration file (or nothing says which it does). */
    public static MigrationReview none() {
        return new MigrationReview(List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return files.isEmpty() && edited.isEmpty() && gaps.isEmpty();
    }

    /** True when the deploy after the merge will refuse something here (the check fails). */
    public boolean blocks() {
        return !edited.isEmpty() || !gaps.isEmpty() || files.stream().anyMatch(f -> !f.refusedBy().isEmpty());
    }

    /** This review with its paths under {@code prefix} (see {@link PlanResult#under}). */
    public MigrationReview under(String prefix) {
        return new MigrationReview(files.stream().map(f -> f.under(prefix)).toList(),
                edited.stream().map(e -> e.under(prefix)).toList(),
                gaps.stream().map(g -> new SchemaGap(prefix + g.migrationFile(), g.line(), g.object(),
                        prefix + g.schema(), pathsUnder(pathsUnder(g.message(), g.migrationFile(), prefix),
                        g.schema(), prefix))).toList());
    }

    /** {@code message} with each mention of {@code path} (a whole path, not the end of a longer one) under prefix. */
    static String pathsUnder(String message, String path, String prefix) {
        return message.replaceAll("(?<![\\w/.-])" + java.util.regex.Pattern.quote(path),
                java.util.regex.Matcher.quoteReplacement(prefix + path));
    }

    static List<Finding> under(List<Finding> findings, String prefix) {
        return findings.stream().map(f -> f.file() == null ? f : f.at(prefix + f.file(), f.line())).toList();
    }

    public MigrationReview withGaps(List<SchemaGap> found) {
        return new MigrationReview(files, edited, found);
    }

    /**
     * A migration file the change adds: its findings as {@code apply} finds them (inline allowances applied, lines in
     * the file), how each environment judges them, and what it creates.
     */
    public record FileReview(String file, List<Finding> findings, List<Verdict> verdicts, List<Linter.Created> created) {
        public FileReview {
            findings = List.copyOf(findings);
            verdicts = List.copyOf(verdicts);
            created = List.copyOf(created);
        }

        /** The environments whose apply refuses this file. */
        public List<Verdict> refusedBy() {
            return verdicts.stream().filter(Verdict::refuses).toList();
        }

        /** This review with its paths under {@code prefix} (see {@link PlanResult#under}). */
        public FileReview under(String prefix) {
            return new FileReview(prefix + file, MigrationReview.under(findings, prefix), verdicts.stream()
                    .map(v -> new Verdict(v.environment(), MigrationReview.under(v.judged(), prefix))).toList(),
                    created);
        }
    }

    /**
     * One environment's view of a file ({@code environment} null: no environment is configured, the defaults
     * apply): {@code judged} are the findings as its apply sees them; it refuses the file when one of them blocks.
     */
    public record Verdict(String environment, List<Finding> judged) {
        public Verdict {
            judged = List.copyOf(judged);
        }

        public boolean refuses() {
            return judged.stream().anyMatch(Finding::blocks);
        }

        public List<Finding> blocking() {
            return judged.stream().filter(Finding::blocks).toList();
        }

        /** "environment production", or "a database with no environment" when none is configured. */
        public String describe() {
            return environment == null ? "a database with no environment" : "environment " + environment;
        }
    }

    /**
     * A migration file the base has, changed by the change: edited (at its first changed line), renamed ({@code file}
     * is the new path, {@code previous} the base's, at its first changeset's line) or deleted ({@code file} is the
     * base's path; line 0: the change has no such file); or one the change adds that sorts before {@code previous}, a
     * migration the base has (at its first changeset's line). Deploy refuses each where an environment applied the
     * file (the later one, for an added file out of order).
     */
    public record EditedMigration(String file, int line, How how, String previous, String message) {
        /**
         * UNVERIFIED: added or edited, nothing says which (no base to compare, no status); read as edited.
         * OUT_OF_ORDER: added, but it sorts before {@code previous}, a migration the base has.
         */
        public enum How { EDITED, RENAMED, DELETED, UNVERIFIED, OUT_OF_ORDER }

        /** An edit in place. */
        public EditedMigration(String file, int line, String message) {
            this(file, line, How.EDITED, null, message);
        }

        /** "is edited", "renames db/migrations/X.sql", "is deleted": what the change did to the file. */
        public String what() {
            return switch (how) {
                case EDITED -> "is edited";
                case RENAMED -> "renames " + previous;
                case DELETED -> "is deleted";
                case UNVERIFIED -> "may be an edit";
                case OUT_OF_ORDER -> "sorts before " + previous;
            };
        }

        EditedMigration under(String prefix) {
            // The message names the other file (renamed from, sorts before): from the top too, as the paths are.
            return new EditedMigration(prefix + file, line, how, previous == null ? null : prefix + previous,
                    previous == null ? message : pathsUnder(message, previous, prefix));
        }
    }

    /**
     * An object {@code migrationFile} creates (at {@code line}) that {@code schema} does not declare: the plan would
     * otherwise propose to drop it again.
     */
    public record SchemaGap(String migrationFile, int line, ObjectRef object, String schema, String message) {
    }
}
