package io.automigrate.plan;

import io.automigrate.AutomigrateException;
import io.automigrate.Trace;
import io.automigrate.catalog.Catalog;
import io.automigrate.config.Config;
import io.automigrate.db.RolledBack;
import io.automigrate.diff.DiffOptions;
import io.automigrate.diff.RenameHints;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.diff.NotGenerated;
import io.automigrate.diff.SchemaDiffer;
import io.automigrate.diff.UnconvertibleColumn;
import io.automigrate.git.ChangeDetector;
import io.automigrate.git.Detection;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.lint.Finding;
import io.automigrate.lint.Linter;
import io.automigrate.migrate.Changeset;
import io.automigrate.migrate.DeferredCommits;
import io.automigrate.migrate.FormattedSql;
import io.automigrate.migrate.LiquibaseRunner;
import io.automigrate.migrate.MigrationBuilder;
import io.automigrate.migrate.MigrationFile;
import io.automigrate.migrate.MigrationFormat;
import io.automigrate.migrate.MigrationHistory;
import io.automigrate.migrate.MigrationNames;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.shadow.ShadowServer;
import io.automigrate.shadow.ShadowServers;
import io.automigrate.source.RenameHintParser;
import io.automigrate.sql.MigrationRenderer;
import io.automigrate.sql.RenderOptions;
import io.automigrate.sql.RenderedMigration;
import io.automigrate.state.HistoryReplayer;
import io.automigrate.state.HistoryReplayer.Replayed;
import io.automigrate.state.SchemaState;
import io.automigrate.state.StateReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The pull-request workflow: detect, replay the history, load the desired schema, diff, render, name, lint, prove
 * on throwaway databases, write. Nothing is written unless every step of the proof passed.
 */
public final class Planner {
    private Planner() {
    }

    /**
     * The plan of {@code request}, written in its forms (online-safe or plain) and its findings judged by its
     * environment's policy.
     */
    public static PlanResult plan(PlanRequest request) {
        // With head a revision, the schema and migrations are read as they are in it; otherwise from the working
        // tree, and a note says when they differ from HEAD there.
        boolean atRevision = request.head() != null && request.detection() == null;
        Detection detection = request.detection() != null || request.base() == null ? request.detection()
                : ChangeDetector.detect(request.root(), request.base(), request.head(), request.watchedPaths());
        // The change's own migration files are found in git, in the repository (a revision's snapshot has no git).
        MigrationReviewer.Touched touched = detection == null || !detection.changed()
                ? MigrationReviewer.Touched.nothing()
                : MigrationReviewer.touched(request.root(), request.config(), detection, request.head());
        PlanResult result;
        if (atRevision) {
            // A committed revision is named after its commit time, so planning it again writes the same file.
            Instant committed = ChangeDetector.commitTime(request.root(), request.head());
            result = planAtRevision(committed == null ? request : request.at(committed), detection, touched);
        } else {
            List<String> uncommitted = request.detection() == null
                    ? ChangeDetector.uncommitted(request.root(), request.watchedPaths()) : List.of();
            result = planFiles(request.detected(detection), touched);
            if (!uncommitted.isEmpty()) {
                result = result.withNote("the working tree's " + shortList(uncommitted) + " differ from HEAD (not "
                        + "committed): this plan reads the working tree; 'plan --base REV --head REV' plans committed "
                        + "revisions");
            }
        }
        if (detection != null && !detection.baseAhead().isEmpty()) {
            // What the merge deploys has them too; this plan (and its proof) does not.
            String base = request.base() != null ? request.base() : "the base branch";
            result = result.withNote(base + " has changed " + shortList(detection.baseAhead())
                    + " since this branch left it, and this plan does not have those changes (the change is what the "
                    + "branch changed since then): merge or rebase onto " + base + " and plan again to plan "
                    + "and prove what the merge will deploy");
        }
        return result;
    }

    private static String shortList(List<String> files) {
        return files.size() <= 3 ? String.join(", ", files)
                : String.join(", ", files.subList(0, 3)) + " and " + (files.size() - 3) + " more";
    }

    /**
     * {@code plan --head REV}: the watched files as they are at that revision are written to a temporary folder and
     * planned there (the working tree is not read); a migration written is copied into the working tree.
     */
    private static PlanResult planAtRevision(PlanRequest request, Detection detection,
                                             MigrationReviewer.Touched touched) {
        Path root = request.root();
        List<String> watched = request.watchedPaths();
        if (detection != null && !detection.changed() && !request.force()) {
            return PlanResult.nothingRelevant(detection);
        }
        Path snapshot;
        try {
            snapshot = Files.createTempDirectory("automigrate-head");
        } catch (IOException e) {
            throw AutomigrateException.badInput("cannot create a temporary folder for revision " + request.head()
                    + ": " + e.getMessage());
        }
        try {
            ChangeDetector.export(root, request.head(), watched, snapshot);
            PlanResult result = planFiles(request.in(snapshot).revisions(null, null).detected(detection)
                    .checking(request.check(), true), touched);
            if (result.written()) {
                result.migration().files().forEach((path, content) -> writeFile(root.resolve(path), content));
            }
            return result;
        } finally {
            io.automigrate.TempFolders.deleteQuietly(snapshot);
        }
    }

    /** Plans the files under {@code request.root()}; a note names the schema folder's files that were not loaded. */
    private static PlanResult planFiles(PlanRequest request, MigrationReviewer.Touched touched) {
        RenderOptions render = request.forms();
        Config config = request.config();
        Path root = request.root();
        Detection detection = null;
        if (request.detection() != null || request.base() != null) {
            detection = request.detection() != null ? request.detection()
                    : ChangeDetector.detect(root, request.base(), request.head(), request.watchedPaths());
            if (!detection.changed() && !request.force()) {
                return PlanResult.nothingRelevant(detection);
            }
        }
        // Read and check every input before any database starts: bad input touches nothing.
        SchemaState.Files schema = SchemaState.schema(root, config);
        MigrationHistory history = MigrationHistory.read(root, config.migrations(), config.migrationFormat(), config.changelog() != null);
        RenameHints hints = RenameHintParser.parse(schema.files());
        InspectOptions inspectOptions = StateReader.options(config);

        Trace.step("plan: inputs read and checked");
        LiquibaseRunner.warmUpInBackground();
        try (ShadowServer server = ShadowServers.start(config.shadow())) {
            StateReader reader = StateReader.on(server, inspectOptions);
            // The desired schema loads while the history replays (or its template is read): two databases, two cores.
            CompletableFuture<Catalog> loading = CompletableFuture.supplyAsync(() -> reader.read(schema));
            Replayed replayed;
            try {
                replayed = reader.replay(new SchemaState.History(history, config.changelog()));
            } catch (RuntimeException e) {
                loading.handle((ok, failed) -> null).join();
                throw e;
            }
            Trace.step(replayed.cached() ? "plan: history read from its template" : "plan: history replayed");
            Catalog current = replayed.catalog();
            String template = replayed.template();
            // Online forms mostly run outside a transaction, so their proof needs a copy of the template: it is made
            // (and Liquibase's reading of its books warmed) while the desired schema still loads, as a copy costs a
            // few hundred milliseconds. Other migrations are proven on the template itself, in a transaction.
            CompletableFuture<ShadowDatabase> proofDatabase = template == null || !render.online() ? null
                    : CompletableFuture.supplyAsync(() -> prepareProofDatabase(server, template, history));
            // An earlier run's proof on this template left dead catalog rows; cleared while the desired schema loads.
            CompletableFuture<Void> templateVacuumed = proofDatabase == null && replayed.cached()
                    ? server.vacuumInBackground(server.templateUrl(template)) : CompletableFuture.completedFuture(null);
            try {
                // The change's own files, linted as apply will lint them, while the desired schema still loads.
                MigrationReview review = new MigrationReview(touched.added().isEmpty() ? List.of()
                        : MigrationReviewer.lint(server, inspectOptions, history, touched.added(),
                        MigrationReviewer.policies(config, request.policy().allowed())),
                        java.util.stream.Stream.concat(touched.edited().stream(),
                                MigrationReviewer.outOfOrder(history, touched).stream()).toList(), List.of());
                PlanResult result = planned(request, detection, history,
                        new Schemas(current, joinUnwrapped(loading), schema, hints),
                        new Proof(server, inspectOptions, template, templateVacuumed, proofDatabase), review);
                return schema.skipped() == null ? result : result.withNote(schema.skipped());
            } catch (UnconvertibleColumn e) {
                throw RenameHintParser.located(e, schema.files());
            } finally {
                if (proofDatabase != null) {
                    proofDatabase.handle((db, failed) -> {
                        if (db != null) db.close();
                        return null;
                    }).join();
                }
            }
        }
    }

    /**
     * The schema the history gives ({@code current}), the schema the files give ({@code desired}), the files
     * themselves (what their language keeps) and their rename hints.
     */
    private record Schemas(Catalog current, Catalog desired, SchemaState.Files files, RenameHints hints) {
    }

    /**
     * Where the proof runs: the server, the replayed history's template (null: none is kept, for a master
     * changelog), the vacuum of a cached template under way, and a copy of the template being made for a migration
     * in online forms (null: none).
     */
    private record Proof(ShadowServer server, InspectOptions options, String template,
                         CompletableFuture<Void> templateVacuumed, CompletableFuture<ShadowDatabase> proofDatabase) {
    }

    /** Diff, render, name, lint, prove and write, once both schemas are known. */
    private static PlanResult planned(PlanRequest request, Detection detection, MigrationHistory history,
                                      Schemas schemas, Proof at, MigrationReview review) {
        Config config = request.config();
        Path root = request.root();
        RenderOptions render = request.forms();
        Catalog current = schemas.current();
        Catalog desired = schemas.desired();
        SchemaState.Files schema = schemas.files();
        RenameHints hints = schemas.hints();
        ShadowServer server = at.server();
        InspectOptions inspectOptions = at.options();
        String template = at.template();
        CompletableFuture<ShadowDatabase> proofDatabase = at.proofDatabase();
        // Objects the schema's language cannot express (a Prisma schema's functions, triggers...) are kept, not dropped.
        SchemaDiff diff = schema.keep(SchemaDiffer.diff(current, desired, new DiffOptions(false, hints,
                config.rewriteColumnOrder())), current);
        refuseNotGenerated(current, desired, schema, config);
        if (diff.isEmpty()) {
            return PlanResult.inSync(detection, diff.notes(), server.description()).withReview(review);
        }
        List<MigrationReview.SchemaGap> gaps = MigrationReviewer.gaps(review.files(), diff, config.schema());
        if (!gaps.isEmpty()) {
            // Generating a migration would drop what the change's own migration creates: the author decides.
            return PlanResult.schemaLacks(detection, review.withGaps(gaps), diff.notes(), server.description());
        }
        RenderedMigration rendered = MigrationRenderer.render(diff, current, render);
        List<String> taken = history.format() == MigrationFormat.LIQUIBASE ? history.fileNames()
                : history.migrations().stream().map(m -> m.id() + ".sql").toList();
        Instant stamp = MigrationNames.nextTimestamp(request.now(), taken);
        String name = MigrationNames.unique(request.name() != null ? MigrationNames.sanitize(request.name())
                : MigrationNames.suggest(diff, current, desired, stamp), taken);
        String fileName = MigrationNames.fileName(stamp, name);
        MigrationFile file = MigrationBuilder.build(fileName, rendered, config.naming().author(),
                "generated from " + config.schema(), render);
        String directory = config.migrations().replaceAll("/+$", "");
        // The files to write, relative to the project root, the migration's own first: in the folder's format.
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        if (history.format() == MigrationFormat.LIQUIBASE) {
            files.put(directory + "/" + fileName, FormattedSql.write(file));
        } else {
            for (MigrationFormat.NewFile f : history.format().write(root.resolve(directory), name, stamp,
                    rendered.forwardSql(), rendered.rollbackSql())) {
                files.put(directory + "/" + f.path(), f.text());
            }
        }
        String relative = files.keySet().iterator().next();
        String text = files.get(relative);
        List<Finding> findings = request.policy().judge(Linter.plan(current, desired, diff, rendered, file));
        List<String> changes = diff.changes().stream().map(c -> c.describe()).toList();

        Trace.step("plan: diffed, rendered and linted");
        List<ProofStep> proof;
        AtomicReference<Catalog> migrated = new AtomicReference<>();
        MigrationReview.FileReview deployReview = null;
        try (NewMigration added = history.format() == MigrationFormat.LIQUIBASE
                ? NewMigration.write(relative, file, text)
                : NewMigration.write(history, files, rendered.rollbackSql())) {
            boolean transactional = added.file().changesets().stream().allMatch(Changeset::runInTransaction);
            at.templateVacuumed().join();
            proof = proofDatabase == null && template != null && transactional
                    ? proveOnTemplate(server, template, added, current, desired, schema, inspectOptions, migrated)
                    : null;
            if (proof == null) {
                proof = prove(server, root, history, config.changelog(), added, current, desired, schema, inspectOptions,
                        proofDatabase != null ? joinUnwrapped(proofDatabase)
                                : template != null ? server.createDatabase("proof", template) : null, migrated);
            }
            // Reviewed as the next run will review it once it is in the change (committed, or added by its author):
            // linted as apply lints a file, on the schema the proof's apply left, under every environment's policy.
            // The plan's own findings (above) are judged by one environment only.
            if (proof.stream().allMatch(ProofStep::passed) && migrated.get() != null) {
                deployReview = MigrationReviewer.review(current, migrated.get(), added.file(), relative,
                        MigrationReviewer.policies(config, request.policy().allowed()));
            }
        }
        Trace.step("plan: proof done");
        boolean proven = proof.stream().allMatch(ProofStep::passed);
        boolean write = proven && !request.check();
        if (write) {
            files.forEach((path, content) -> writeFile(root.resolve(path), content));
        }
        // A command's output is no file of the repository: its findings go on the migration file.
        findings = place(findings, config.schemaSource().isCommand() ? List.of() : schema.files(), relative, text,
                write);
        PlanResult.Migration migration = new PlanResult.Migration(name, relative, text, rendered.forwardSql(),
                rendered.rollbackSql(), changes, files, deployReview);
        return PlanResult.generated(detection, migration, findings, proof, Linter.notesBesideFindings(diff.notes()),
                write, server.description()).withReview(review);
    }

    /**
     * Objects of kinds no migration is generated for (extended statistics, publications...) that differ: a plan would
     * be empty, or its proof would fail, while the schemas differ. Objects only in the current schema are kept when
     * the schema's language cannot express them (a Prisma schema), as other objects it cannot express are.
     */
    private static void refuseNotGenerated(Catalog current, Catalog desired, SchemaState.Files schema, Config config) {
        List<NotGenerated.Difference> differences = NotGenerated.between(current, desired, false).stream()
                .filter(d -> d.wanted() || schema.kept() == null).toList();
        if (differences.isEmpty()) return;
        throw AutomigrateException.checkFailed(config.schema() + " and the schema the migrations build differ in "
                + "objects automigrate does not generate migrations for:\n  - "
                + String.join("\n  - ", differences.stream().map(NotGenerated.Difference::message).toList())
                + "\nWrite a migration for them by hand in " + config.migrations() + "; plan then generates the rest"
                + " (see docs/migrations.md, 'Objects automigrate does not generate').");
    }

    /** A copy of the template, with Liquibase's books read once on it so the proof's first step starts warm. */
    private static ShadowDatabase prepareProofDatabase(ShadowServer server, String template, MigrationHistory history) {
        ShadowDatabase db = server.createDatabase("proof", template);
        try (Connection connection = db.connect(); LiquibaseRunner runner = LiquibaseRunner.forHistory(connection, history)) {
            runner.applied();
        } catch (SQLException | RuntimeException e) {
            // only a warm-up: the proof reports any real problem with this database
        }
        return db;
    }

    private static final String REPLAY_STEP = "the whole history replays on an empty database";
    private static final String REPLAY_BY_TEMPLATE = "step 1 started from the history replayed on an empty database";

    /**
     * (a)–(c) on the template itself, in one transaction that is rolled back, so no copy of it is made; (d) holds
     * by the template (see {@link #prove}). Null when a step failed: the caller proves again on a copy, where each
     * changeset commits as it will in a deploy, and reports that (the failure may be the single transaction's own,
     * such as a new enum value used before it is committed).
     */
    private static List<ProofStep> proveOnTemplate(ShadowServer server, String template, NewMigration added,
                                                   Catalog current, Catalog desired, SchemaState.Files schema,
                                                   InspectOptions options, AtomicReference<Catalog> migrated) {
        List<ProofStep> steps = new ArrayList<>();
        try (LiquibaseRunner.Quiet quiet = LiquibaseRunner.quiet()) {
            RolledBack.run(server.templateUrl(template), connection -> {
                try (LiquibaseRunner runner = added.runner(DeferredCommits.wrap(connection))) {
                    applyRollbackReapply(steps, runner, added, () -> StateReader.inspect(connection, options),
                            current, desired, schema, migrated);
                }
                return null;
            });
        } catch (AutomigrateException e) {
            return null;
        }
        if (!steps.stream().allMatch(ProofStep::passed)) {
            Trace.step("plan: proof on the template failed; proving again on a copy");
            return null;
        }
        steps.add(new ProofStep(REPLAY_STEP, true, REPLAY_BY_TEMPLATE));
        return steps;
    }

    /**
     * (a) forward equals desired, (b) rollback equals before, (c) re-apply equals desired, all on one Liquibase
     * session; (d) the whole history replays from empty. {@code fromTemplate}, a copy of the template, holds the
     * history replayed from an empty database (by this run or, for the same checksum, an earlier one), so (a)
     * applied the migration to exactly that replay and (d) holds by it; without a template (a master changelog) (d)
     * replays everything again.
     */
    private static List<ProofStep> prove(ShadowServer server, Path root, MigrationHistory history, String changelog,
                                         NewMigration added, Catalog current, Catalog desired,
                                         SchemaState.Files schema, InspectOptions options,
                                         ShadowDatabase fromTemplate, AtomicReference<Catalog> migrated) {
        List<ProofStep> steps = new ArrayList<>();
        try (ShadowDatabase db = fromTemplate != null ? fromTemplate : server.createDatabase("proof")) {
            if (fromTemplate == null) {
                HistoryReplayer.replayInto(db, root, history, changelog);
            }
            try (Connection connection = db.connect(); LiquibaseRunner runner = added.runner(connection)) {
                applyRollbackReapply(steps, runner, added, () -> StateReader.inspect(db.url(), options),
                        current, desired, schema, migrated);
            } catch (SQLException e) {
                throw AutomigrateException.database("throwaway database " + db.name() + ": " + e.getMessage(), e);
            }
        }
        if (fromTemplate != null) {
            if (steps.stream().allMatch(ProofStep::passed)) {
                steps.add(new ProofStep(REPLAY_STEP, true, REPLAY_BY_TEMPLATE));
            } else {
                steps.add(ProofStep.failed(REPLAY_STEP, "not run: an earlier step failed"));
            }
            return steps;
        }
        try (ShadowDatabase fresh = server.createDatabase("fresh")) {
            step(steps, REPLAY_STEP, () -> {
                HistoryReplayer.replayInto(fresh, root, history, changelog);
                try (Connection connection = fresh.connect(); LiquibaseRunner runner = added.runner(connection)) {
                    runner.update();
                } catch (SQLException e) {
                    throw AutomigrateException.database("throwaway database " + fresh.name() + ": " + e.getMessage(), e);
                }
                return compare(StateReader.inspect(fresh.url(), options), desired, schema,
                        "a fresh replay differs from the schema");
            });
        }
        return steps;
    }

    /**
     * Steps (a)–(c) with {@code runner}; {@code inspect} reads the schema as the runner left it; {@code migrated}
     * receives the schema (a) left, as a deploy of the history with the migration leaves it.
     */
    private static void applyRollbackReapply(List<ProofStep> steps, LiquibaseRunner runner, NewMigration added,
                                             Supplier<Catalog> inspect, Catalog current, Catalog desired,
                                             SchemaState.Files schema, AtomicReference<Catalog> migrated) {
        step(steps, "applies to the replayed history and gives the desired schema", () -> {
            runner.update();
            Catalog after = inspect.get();
            migrated.set(after);
            return compare(after, desired, schema, "after the migration, the database differs from the schema");
        });
        step(steps, "rollback restores the previous schema", () -> {
            runner.rollback(added.file().changesets().size());
            return compare(inspect.get(), current, null, "after the rollback, the database differs from before");
        });
        step(steps, "re-applies after the rollback", () -> {
            runner.update();
            return compare(inspect.get(), desired, schema, "after re-applying, the database differs from the schema");
        });
    }

    private interface Check {
        String run();
    }

    /** Runs one proof step unless an earlier one failed; a step returns null when it passed, else why not. */
    private static void step(List<ProofStep> steps, String name, Check check) {
        if (steps.stream().anyMatch(s -> !s.passed())) {
            steps.add(ProofStep.failed(name, "not run: an earlier step failed"));
            return;
        }
        try {
            String problem = check.run();
            steps.add(problem == null ? ProofStep.passed(name) : ProofStep.failed(name, problem));
        } catch (AutomigrateException e) {
            steps.add(ProofStep.failed(name, e.getMessage()));
        }
    }

    /** Null when {@code actual} is {@code expected}, but for what {@code schema} (null: nothing) keeps; else why not. */
    private static String compare(Catalog actual, Catalog expected, SchemaState.Files schema, String message) {
        if (SchemaDiffer.sameSchema(actual, expected)) {
            return null;
        }
        SchemaDiff whole = SchemaDiffer.diff(actual, expected, DiffOptions.defaults());
        SchemaDiff leftover = schema == null ? whole : schema.keep(whole, actual);
        if (leftover.isEmpty() && !whole.isEmpty()) {
            return null;
        }
        String sql = leftover.isEmpty() ? "(the difference is not expressible as DDL)"
                : MigrationRenderer.render(leftover).forwardSql().strip();
        return message + "; still needed:\n" + sql;
    }

    private static <T> T joinUnwrapped(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }

    /**
     * Places each finding of a generated migration in a file the change holds: on the schema line that declares its
     * object; else, when the migration is written, on its statement's line there; else nowhere (line 0), never on a
     * line of a file not yet written.
     */
    static List<Finding> place(List<Finding> findings, List<io.automigrate.source.SqlFile> schema, String file,
                               String text, boolean written) {
        SchemaLines declared = new SchemaLines(schema);
        String[] lines = text.split("\n", -1);
        return findings.stream().map(f -> {
            SchemaLines.Location at = f.target() == null ? null : declared.find(f.target());
            if (at != null) return f.at(at.file(), at.line());
            String first = f.statement().lines().findFirst().orElse("").strip();
            for (int i = 0; written && i < lines.length && !first.isEmpty(); i++) {
                if (lines[i].strip().equals(first)) return f.at(file, i + 1);
            }
            return f.at(null, 0);
        }).toList();
    }

    private static void writeFile(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw AutomigrateException.badInput(file + ": cannot write the migration: " + e.getMessage());
        }
    }
}
