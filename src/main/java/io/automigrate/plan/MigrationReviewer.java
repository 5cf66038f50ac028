package io.automigrate.plan;

import io.automigrate.catalog.Catalog;
import io.automigrate.config.Config;
import io.automigrate.diff.Change;
import io.automigrate.diff.ChangeAction;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.git.ChangeDetector;
import io.automigrate.git.ChangedLine;
import io.automigrate.git.Detection;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.lint.Finding;
import io.automigrate.lint.Linter;
import io.automigrate.migrate.Changeset;
import io.automigrate.migrate.FormattedSql;
import io.automigrate.migrate.MigrationFile;
import io.automigrate.migrate.MigrationHistory;
import io.automigrate.policy.EnvironmentPolicy;
import io.automigrate.shadow.ShadowServer;
import io.automigrate.state.ExpectedStates;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Finds what the deploy after a merge will refuse in the migration files a change adds or edits ({@link
 * MigrationReview}): edits of files the base already has, from git alone; the added files' findings, by replaying the
 * history before them on the shadow and linting each file as {@code apply} does ({@link Linter#file}) under the policy
 * of every environment ({@link EnvironmentPolicy}); and objects they create that the schema lacks, from the plan's
 * diff.
 */
public final class MigrationReviewer {
    private MigrationReviewer() {
    }

    /**
     * The migration files a change touches, relative to the project root: those it adds (to lint; also those whose
     * kind of change is unknown, from a file list without statuses) and the edits, renames and deletions of files the
     * base has.
     */
    public record Touched(List<String> added, List<MigrationReview.EditedMigration> edited) {
        public Touched {
            added = List.copyOf(added);
            edited = List.copyOf(edited);
        }

        public static Touched nothing() {
            return new Touched(List.of(), List.of());
        }
    }

    /**
     * The migration files of {@code config} that {@code detection} (paths from the repository's top) adds or edits.
     * {@code root} is the project folder in the repository; {@code head} the revision planned (null: the working
     * tree), whose text of an edited file is compared with the base's to find its first changed line (without the
     * base, the line {@code detection} has from the file list's diff is kept within that text).
     */
    public static Touched touched(Path root, Config config, Detection detection, String head) {
        if (detection == null || config.changelog() != null) return Touched.nothing();
        String prefix = ChangeDetector.projectPrefix(root);
        String directory = prefix + config.migrations().replaceAll("/+$", "") + "/";
        List<String> added = new ArrayList<>();
        List<MigrationReview.EditedMigration> edited = new ArrayList<>();
        for (String file : detection.changedFiles()) {
            if (!file.startsWith(directory) || file.substring(directory.length()).contains("/")
                    || !file.endsWith(".sql")) {
                continue;
            }
            String relative = file.substring(prefix.length());
            switch (detection.kindOf(file)) {
                case ADDED -> added.add(relative);
                case UNKNOWN -> {
                    // Linted as if added, and, the strictest reading, refused as if edited: nothing says which.
                    added.add(relative);
                    edited.add(new MigrationReview.EditedMigration(relative, 0,
                            MigrationReview.EditedMigration.How.UNVERIFIED, null, "nothing says whether this change "
                            + "adds this migration or edits one the base branch has (" + detection.method() + "), so "
                            + "it is read as edited, which deploy refuses where an environment applied it. Give the "
                            + "check the base commit (actions/checkout with fetch-depth: 0) to have it decided"));
                }
                case MODIFIED -> {
                    String after = head == null ? readOrNull(root.resolve(relative))
                            : ChangeDetector.textAt(root, head, file);
                    String before = detection.base() == null ? null : ChangeDetector.textAt(root, detection.base(), file);
                    // Without the base in the clone, the line the GitHub API's diff of the file names (none when
                    // GitHub sends no diff: a binary file, or one too large to show).
                    int line = before != null ? ChangedLine.between(before, after == null ? "" : after)
                            : detection.changedLine(file) > 0
                            ? ChangedLine.within(detection.changedLine(file), after == null ? "" : after) : 0;
                    edited.add(new MigrationReview.EditedMigration(relative, line, "this migration is on the base branch, so an environment may have applied it already; "
                            + "deploy compares each applied changeset's checksum and refuses a file that changed. "
                            + "Undo the edit and put the change in a new migration (automigrate plan writes it from "
                            + "the schema)"));
                }
                case RENAMED -> {
                    String previous = detection.previousPath(file);
                    String after = head == null ? readOrNull(root.resolve(relative))
                            : ChangeDetector.textAt(root, head, file);
                    edited.add(new MigrationReview.EditedMigration(relative, firstChangesetLine(relative, after),
                            MigrationReview.EditedMigration.How.RENAMED, previous.substring(prefix.length()),
                            "the base branch has this migration as " + previous.substring(prefix.length())
                                    + ", so an environment may have applied it under that name: deploy then finds "
                                    + "the changesets it applied from that file gone and refuses (Liquibase knows a "
                                    + "changeset by its file's path). Keep the file's name (a merged migration is "
                                    + "never renamed); put a change in a new migration"));
                }
                case DELETED -> {
                    if (detection.renamedFrom().containsValue(file)) break; // reported as the rename
                    edited.add(new MigrationReview.EditedMigration(relative, 0,
                            MigrationReview.EditedMigration.How.DELETED, null,
                            "the base branch has this migration and this change deletes it: an environment "
                                    + "that applied it keeps its changesets in its history, so deploy finds their "
                                    + "file gone and refuses, and a new database never gets what it created. Restore "
                                    + "the file; to undo what it did, add a new migration (automigrate plan writes it "
                                    + "from the schema)"));
                }
            }
        }
        return new Touched(added, edited);
    }

    /**
     * The files of {@code touched} the change adds that sort before the last migration of {@code history} it does not
     * add (one the base has: the change is planned on the merge of its head into its base): an environment that
     * applied that one refuses them at deploy, as pending migrations before an applied one (out of order). Files
     * already refused as possible edits are left to that.
     */
    public static List<MigrationReview.EditedMigration> outOfOrder(MigrationHistory history, Touched touched) {
        List<String> paths = history.files().stream().map(history::pathOf).toList();
        List<String> suspect = touched.edited().stream().map(MigrationReview.EditedMigration::file).toList();
        String last = null;
        for (String path : paths) {
            if (!touched.added().contains(path)) last = path;
        }
        List<MigrationReview.EditedMigration> found = new ArrayList<>();
        for (MigrationFile file : history.files()) {
            String path = history.pathOf(file);
            if (path.equals(last)) break;
            if (!touched.added().contains(path) || suspect.contains(path)) continue;
            int line = file.changesets().isEmpty() ? 1 : Math.max(1, file.changesets().get(0).line());
            found.add(new MigrationReview.EditedMigration(path, line, MigrationReview.EditedMigration.How.OUT_OF_ORDER,
                    last, "this migration sorts before " + last + ", which the base branch has, so an environment may "
                    + "have applied that one already: deploy then refuses this one as out of order (a pending "
                    + "migration before an applied one). Rename it with a timestamp after " + last + " so that it runs "
                    + "last"));
        }
        return found;
    }

    /** 1-based: the line of the first changeset of formatted-SQL {@code text}; 1 when it has none or does not read. */
    static int firstChangesetLine(String file, String text) {
        if (text == null) return 1;
        try {
            List<Changeset> changesets = FormattedSql.read(file, file, text).changesets();
            return changesets.isEmpty() ? 1 : Math.max(1, changesets.get(0).line());
        } catch (io.automigrate.AutomigrateException e) {
            return 1; // the history read says what is wrong with it
        }
    }

    private static String readOrNull(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /**
     * The policies a migration file meets on its way: every environment of {@code config} (in name order), or the
     * defaults when none is configured; {@code allowed} codes count in each (the {@code --allow} codes, or the Action's
     * {@code allow} input).
     */
    public static List<EnvironmentPolicy> policies(Config config, Set<String> allowed) {
        if (config.environments().isEmpty()) {
            return List.of(EnvironmentPolicy.of(config, (String) null, allowed, "--allow"));
        }
        return config.environments().keySet().stream()
                .map(name -> EnvironmentPolicy.of(config, name, allowed, "--allow")).toList();
    }

    /**
     * Lints each of {@code added} (paths of files in {@code history}) as apply will: the history before the first of
     * them is replayed on {@code server} (kept as a template), then each file from there on is applied in history
     * order and the catalogs around each added file are linted, and judged by each of {@code policies}.
     */
    public static List<MigrationReview.FileReview> lint(ShadowServer server, InspectOptions options,
                                                        MigrationHistory history, Collection<String> added,
                                                        List<EnvironmentPolicy> policies) {
        List<MigrationFile> files = history.files();
        int first = -1;
        for (int i = 0; i < files.size() && first < 0; i++) {
            if (added.contains(history.pathOf(files.get(i)))) first = i;
        }
        if (first < 0) return List.of();
        int appliedCount = 0;
        for (int i = 0; i < first; i++) appliedCount += files.get(i).changesets().size();
        List<Integer> sizes = files.subList(first, files.size()).stream().map(f -> f.changesets().size()).toList();
        ExpectedStates states = ExpectedStates.compute(server, history, appliedCount, sizes, options);
        List<MigrationReview.FileReview> reviews = new ArrayList<>();
        Catalog before = states.applied();
        for (int i = first; i < files.size(); i++) {
            Catalog after = states.afterEachFile().get(i - first);
            MigrationFile file = files.get(i);
            String path = history.pathOf(file);
            if (added.contains(path)) reviews.add(review(before, after, file, path, policies));
            before = after;
        }
        return reviews;
    }

    /** One file from {@code before} to {@code after}: its findings, each environment's verdict, what it creates. */
    static MigrationReview.FileReview review(Catalog before, Catalog after, MigrationFile file, String path,
                                             List<EnvironmentPolicy> policies) {
        List<Finding> found = Linter.located(Linter.file(before, after, file, path), file, path);
        List<MigrationReview.Verdict> verdicts = policies.stream()
                .map(p -> new MigrationReview.Verdict(p.name(), p.judge(found, file))).toList();
        // Shown once, with the inline allowances only; each verdict says what its environment makes of them.
        List<Finding> findings = EnvironmentPolicy.none().judge(found, file);
        return new MigrationReview.FileReview(path, findings, verdicts, Linter.created(before, after, file, path));
    }

    /**
     * The objects an added file creates that the plan's {@code diff} (from the history to the schema) drops again:
     * the schema does not declare them. {@code schema} is the schema path as configured.
     */
    public static List<MigrationReview.SchemaGap> gaps(List<MigrationReview.FileReview> files, SchemaDiff diff,
                                                      String schema) {
        List<MigrationReview.SchemaGap> gaps = new ArrayList<>();
        for (Change change : diff.changes()) {
            if (change.action() != ChangeAction.DROP) continue;
            for (MigrationReview.FileReview file : files) {
                file.created().stream().filter(c -> c.object().equals(change.target())).findFirst().ifPresent(c ->
                        gaps.add(new MigrationReview.SchemaGap(file.file(), c.line(), c.object(), schema,
                                file.file() + " creates " + c.object()
                                        + ", which " + schema + " does not have: add it to the schema, or drop it "
                                        + "from the migration")));
            }
        }
        return gaps;
    }
}
