package io.automigrate.deploy;

import io.automigrate.AutomigrateException;
import io.automigrate.config.Config;
import io.automigrate.config.ConfigLoader;
import io.automigrate.config.EnvironmentConfig;
import io.automigrate.shadow.ShadowOptions;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Applies pending migrations when an application starts, with the same locks and checks as {@code automigrate
 * apply}: the deploy lock (several instances starting at once apply each migration once), checksums, order, drift,
 * policy, one transaction per migration, verification. With {@code repair(true)} it first re-creates what the
 * database lost (as {@code automigrate repair}).
 *
 * <pre>{@code
 * DeployResult result = Migrator.builder()
 *         .dataSource(dataSource)                  // or .urlFromVariable("DATABASE_URL")
 *         .classpathMigrations("db/migrations")   // or .projectRoot(Path.of("/app")) with automigrate.yml
 *         .environment("production")               // the rules of that environment in the configuration
 *         .repair(true)                            // re-create missing columns, indexes, ... first
 *         .migrate();
 * }</pre>
 * {@code AUTO_MIGRATE=false} switches it off (one log line, nothing done). Failures are {@link AutomigrateException}s
 * whose message says what to do; they stop the start-up unless {@code failOnError(false)}.
 */
public final class Migrator {
    private DataSource dataSource;
    private Path root;
    private String classpathLocation;
    private Config config;
    private String environmentName;
    private boolean allowDrift;
    private List<String> allow = List.of();
    private Consumer<String> log = line -> System.getLogger("automigrate").log(System.Logger.Level.INFO, line);
    private boolean repair;
    private boolean failOnError = true;
    private boolean skipWithoutDatabase;
    private String url;
    private String urlVariable;
    private Map<String, String> variables = System.getenv();

    private Migrator() {
    }

    public static Migrator builder() {
        return new Migrator();
    }

    /** Where connections come from; each is returned (closed) after use. */
    public Migrator dataSource(DataSource value) {
        this.dataSource = value;
        return this;
    }

    /** The project folder: automigrate.yml (if present) and the migrations directory it names. */
    public Migrator projectRoot(Path value) {
        this.root = value;
        return this;
    }

    /** Migrations packaged with the application, e.g. {@code db/migrations} under src/main/resources. */
    public Migrator classpathMigrations(String location) {
        this.classpathLocation = location.replaceAll("^/+|/+$", "");
        return this;
    }

    /** The configuration, instead of reading automigrate.yml from the project folder. */
    public Migrator config(Config value) {
        this.config = value;
        return this;
    }

    /** Which environment's rules apply (allow, errors, timeouts, lock-wait); default: the built-in defaults. */
    public Migrator environment(String name) {
        this.environmentName = name;
        return this;
    }

    public Migrator allowDrift(boolean value) {
        this.allowDrift = value;
        return this;
    }

    /** Finding codes accepted on top of the environment's. */
    public Migrator allow(List<String> codes) {
        this.allow = List.copyOf(codes);
        return this;
    }

    /**
     * Progress lines: each step (comparing, repairing, each migration applied, verification, lock waits, a stale lock
     * released) and the outcome; default: the "automigrate" System.Logger.
     */
    public Migrator log(Consumer<String> value) {
        this.log = Objects.requireNonNull(value);
        return this;
    }

    /** Re-create what the database lost compared with its applied migrations before applying (never drops). */
    public Migrator repair(boolean value) {
        this.repair = value;
        return this;
    }

    /**
     * true (the default): a failure throws and so stops the start-up. false: it is logged and the application starts
     * on the database as it is ({@link DeployResult.Status#FAILED}).
     */
    public Migrator failOnError(boolean value) {
        this.failOnError = value;
        return this;
    }

    /** The database as a URL ({@code postgresql://user:password@host:5432/db}), with connection retries. */
    public Migrator url(String value) {
        this.url = value;
        return this;
    }

    /** The database URL read from this environment variable (e.g. {@code DATABASE_URL}) when migrate() runs. */
    public Migrator urlFromVariable(String name) {
        this.urlVariable = Objects.requireNonNull(name);
        return this;
    }

    /**
     * With no DataSource and no URL (the variable unset, as in a local run without a database): log one line and
     * return {@link DeployResult.Status#SKIPPED} instead of failing.
     */
    public Migrator skipWithoutDatabase(boolean value) {
        this.skipWithoutDatabase = value;
        return this;
    }

    /** The process environment it reads ({@code AUTO_MIGRATE}, the URL variable); default: System.getenv(). */
    public Migrator variables(Map<String, String> value) {
        this.variables = Map.copyOf(value);
        return this;
    }

    public DeployResult migrate() {
        if (io.automigrate.config.AutoMigrate.switchedOff(variables)) {
            log.accept("automigrate: " + io.automigrate.config.AutoMigrate.given(variables)
                    + ": migrations are switched off, nothing was done");
            return DeployResult.switchedOff(variables);
        }
        String givenUrl = url != null ? url : urlVariable == null ? null : variables.get(urlVariable);
        if (dataSource == null && (givenUrl == null || givenUrl.isBlank())) {
            if (!skipWithoutDatabase) {
                throw new IllegalStateException("Migrator needs a dataSource or a url" + (urlVariable == null ? ""
                        : " (" + urlVariable + " is not set)"));
            }
            String why = urlVariable == null ? "no database is configured" : urlVariable + " is not set";
            log.accept("automigrate: " + why + ": skipping migrations");
            return DeployResult.nothing(DeployResult.Kind.APPLY, DeployResult.Status.SKIPPED,
                    urlVariable == null ? "-" : urlVariable, why + ", so nothing was applied");
        }
        try {
            return run(givenUrl);
        } catch (AutomigrateException e) {
            if (failOnError) throw e;
            String message = io.automigrate.Secrets.redact(e.getMessage());
            log.accept("automigrate: migration failed, the application starts anyway (failOnError(false)): " + message);
            return DeployResult.nothing(DeployResult.Kind.APPLY, DeployResult.Status.FAILED, "-", message);
        }
    }

    private DeployResult run(String givenUrl) {
        if ((root == null) == (classpathLocation == null)) {
            throw new IllegalStateException("Migrator needs exactly one of projectRoot and classpathMigrations");
        }
        Path project = root;
        Path copied = null;
        Config effective = config;
        try {
            if (classpathLocation != null) {
                copied = copyFromClasspath(classpathLocation);
                project = copied;
                // No automigrate.yml here: the defaults, with the AUTOMIGRATE_* variables as the CLI reads them.
                if (effective == null) effective = ConfigLoader.load(project, variables);
                effective = effective.withMigrations(classpathLocation);
            } else if (effective == null) {
                effective = ConfigLoader.load(project, variables);
            }
            EnvironmentConfig environment = EnvironmentConfig.defaults();
            if (environmentName != null) {
                environment = effective.environments().get(environmentName);
                if (environment == null) {
                    throw AutomigrateException.badInput("unknown environment '" + environmentName + "': defined are "
                            + String.join(", ", effective.environments().keySet()));
                }
            }
            ShadowOptions shadow = effective.shadow();
            DatabaseAccess access = dataSource != null
                    ? DatabaseAccess.of(dataSource, environmentName == null ? "the application's database"
                    : "environment '" + environmentName + "' (the application's DataSource)")
                    : DatabaseAccess.of(io.automigrate.db.DatabaseUrl.parse(givenUrl), environment.retry(), log);
            DeployRequest request = new DeployRequest(project, effective, environmentName, environment, access, shadow,
                    false, allowDrift, allow, log);
            RepairResult repaired = null;
            if (repair) {
                repaired = Repair.run(request, allowDrift);
                if (!repaired.ok()) {
                    throw AutomigrateException.checkFailed(repaired.problem() + "; nothing was applied");
                }
            }
            DeployResult result = Deployer.apply(request);
            if (repaired != null && !repaired.repaired().isEmpty()) {
                List<String> notes = new java.util.ArrayList<>();
                notes.add("repaired first: " + repaired.summary() + " (" + String.join("; ", repaired.repaired())
                        + ")");
                notes.addAll(result.notes());
                result = new DeployResult(result.kind(), result.status(), result.database(), result.steps(), notes,
                        result.backup(), result.millis());
            }
            log.accept("automigrate: " + switch (result.status()) {
                case APPLIED -> "applied " + result.changesetCount() + " changeset(s) to " + result.database();
                case UP_TO_DATE -> result.database() + " is up to date"
                        + (repaired != null && !repaired.repaired().isEmpty() ? " (after the repair)" : "");
                default -> result.status().name().toLowerCase(java.util.Locale.ROOT);
            });
            return result;
        } finally {
            if (copied != null) io.automigrate.TempFolders.deleteQuietly(copied);
        }
    }

    /** Copies {@code location} (a folder of the class path, in a directory or a jar) into a temporary project. */
    private static Path copyFromClasspath(String location) {
        URL url = Thread.currentThread().getContextClassLoader().getResource(location);
        if (url == null) url = Migrator.class.getClassLoader().getResource(location);
        if (url == null) {
            throw AutomigrateException.badInput("classpath:" + location + ": no such folder on the class path: put "
                    + "the migrations under src/main/resources/" + location);
        }
        try {
            Path project = Files.createTempDirectory("automigrate-migrator");
            Path target = project.resolve(location);
            Files.createDirectories(target);
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    copySqlFiles(jar.provider().getPath(uri), target);
                }
            } else {
                copySqlFiles(Path.of(uri), target);
            }
            return project;
        } catch (IOException | URISyntaxException e) {
            throw AutomigrateException.badInput("classpath:" + location + ": cannot read the migrations: " + e.getMessage());
        }
    }

    private static void copySqlFiles(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".sql")).toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }
}
