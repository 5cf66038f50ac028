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
 * policy, one transaction per migration, verification.
 *
 * <pre>{@code
 * DeployResult result = Migrator.builder()
 *         .dataSource(dataSource)
 *         .classpathMigrations("db/migrations")   // or .projectRoot(Path.of("/app")) with automigrate.yml
 *         .environment("production")               // the rules of that environment in the configuration
 *         .migrate();
 * }</pre>
 * Failures are {@link AutomigrateException}s whose message says what to do; let them stop the start-up.
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

    /** Progress lines (lock waits, a stale lock released); default: the "automigrate" System.Logger. */
    public Migrator log(Consumer<String> value) {
        this.log = Objects.requireNonNull(value);
        return this;
    }

    public DeployResult migrate() {
        if (dataSource == null) throw new IllegalStateException("Migrator needs a dataSource");
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
                if (effective == null) effective = Config.defaults();
                effective = effective.withMigrations(classpathLocation);
            } else if (effective == null) {
                effective = ConfigLoader.load(project, Map.of());
            }
            EnvironmentConfig environment = EnvironmentConfig.defaults();
            if (environmentName != null) {
                environment = effective.environments().get(environmentName);
                if (environment == null) {
                    throw AutomigrateException.badInput("unknown environment '" + environmentName + "': defined are "
                            + String.join(", ", effective.environments().keySet()));
                }
            }
            ShadowOptions shadow = effective.shadow().toOptions();
            DatabaseAccess access = DatabaseAccess.of(dataSource, environmentName == null ? "the application's database"
                    : "environment '" + environmentName + "' (the application's DataSource)");
            return Deployer.apply(new DeployRequest(project, effective, environmentName, environment, access, shadow,
                    false, allowDrift, allow, log));
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
