package io.automigrate.state;

import io.automigrate.AutomigrateException;
import io.automigrate.Trace;
import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Sequence;
import io.automigrate.catalog.Table;
import io.automigrate.db.Connections;
import io.automigrate.db.DatabaseUrl;
import io.automigrate.db.RolledBack;
import io.automigrate.inspect.CatalogInspector;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.shadow.ShadowOptions;
import io.automigrate.shadow.ShadowServer;
import io.automigrate.shadow.ShadowServers;
import io.automigrate.source.RoleReferences;
import io.automigrate.source.SqlFile;
import io.automigrate.source.SqlLoader;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one road from a {@link SchemaState} to a {@link Catalog}: schema files are loaded into a throwaway database,
 * a history is replayed (and kept as a template), a live database is only read, and every catalog leaves out
 * the bookkeeping tables of Liquibase and of automigrate. No other code loads schema files or calls the inspector.
 *
 * <p>The shadow server is either borrowed (a workflow that started it for more than reading, see
 * {@link #on}) or started on first need and stopped by {@link #close()} (two URLs need none).
 */
public final class StateReader implements AutoCloseable {
    /**
     * Tables that are never part of a schema: Liquibase's books, and the tables automigrate itself keeps in a
     * database it deploys to ({@code automigrate_repairs}, the record of what {@code repair} re-created;
     * {@code automigrate_environments}, the environments a database served, see deploy.EnvironmentRecord). Left out
     * of every catalog, whichever road read it. So are the tables of the tools whose migration folders automigrate
     * takes over ({@code _prisma_migrations}, {@code flyway_schema_history}, golang-migrate's and dbmate's
     * {@code schema_migrations}, drizzle-kit's {@code drizzle.__drizzle_migrations} with its sequence and, when it
     * holds nothing else, its schema): a database adopted from them keeps them (see deploy.Adoption).
     */
    public static final Set<String> BOOKKEEPING = Set.of("databasechangelog", "databasechangeloglock",
            "automigrate_repairs", "automigrate_environments", "_prisma_migrations", "flyway_schema_history",
            "schema_migrations", "__drizzle_migrations");
    private static final String DRIZZLE_SCHEMA = "drizzle";

    private final ShadowOptions shadowOptions;
    private final InspectOptions options;
    private ShadowServer server;
    /** Drops the throwaway databases and stops the server when the run is interrupted (Ctrl-C). */
    private Thread interruptCleanup;

    /** A reader that starts its own shadow server on first need, with {@code shadowOptions}. */
    public StateReader(ShadowOptions shadowOptions, InspectOptions options) {
        this.shadowOptions = shadowOptions;
        this.options = options;
    }

    private StateReader(ShadowServer server, InspectOptions options) {
        this.shadowOptions = null;
        this.options = options;
        this.server = server;
    }

    /** A reader on a server the caller started and stops: {@link #close()} leaves it running. */
    public static StateReader on(ShadowServer server, InspectOptions options) {
        return new StateReader(server, options);
    }

    /** Which schemas the project compares ({@code schemas} and {@code exclude_schemas} of automigrate.yml). */
    public static InspectOptions options(io.automigrate.config.Config config) {
        return new InspectOptions(config.schemas(), config.excludeSchemas());
    }

    public InspectOptions options() {
        return options;
    }

    /** The schema of {@code state}. */
    public Catalog read(SchemaState state) {
        if (state instanceof SchemaState.Live live) {
            try (Connection connection = Connections.openReadOnly(live.url())) {
                return inspect(connection, options);
            } catch (SQLException e) {
                throw AutomigrateException.database(state.describe() + ": " + Connections.describe(e), e);
            }
        }
        if (state instanceof SchemaState.History history) {
            return replay(history).catalog();
        }
        if (state instanceof SchemaState.Files files) {
            return load(files.files());
        }
        try (ShadowDatabase empty = shadow().createDatabase("empty")) {
            return inspect(empty.url(), options);
        }
    }

    /** The history replayed from empty, with the template that keeps it (see {@link HistoryReplayer.Replayed}). */
    public HistoryReplayer.Replayed replay(SchemaState.History history) {
        return HistoryReplayer.replay(shadow(), history.history().root(), history.history(), history.changelog(),
                options);
    }

    /** The server throwaway databases are made on: started now if this reader owns it and it is not running. */
    public ShadowServer shadow() {
        if (server == null) {
            server = ShadowServers.start(shadowOptions);
            interruptCleanup = new Thread(server::close, "automigrate-shadow-cleanup");
            Runtime.getRuntime().addShutdownHook(interruptCleanup);
        }
        return server;
    }

    /** Whether a shadow server was needed (always true for a borrowed one). */
    public boolean shadowStarted() {
        return server != null;
    }

    /**
     * Schema files loaded where the server keeps a blank database, in a transaction that is rolled back (no new
     * database to make), when the files allow it; otherwise, or when that fails, into a new database, whose error
     * (with file and line) is then the one reported.
     */
    private Catalog load(List<SqlFile> files) {
        ShadowServer shadow = shadow();
        shadow.ensureRoles(files.stream().flatMap(f -> RoleReferences.scan(f.read()).stream()).toList());
        Optional<DatabaseUrl> blank = SqlLoader.loadsInOneTransaction(files) ? shadow.blankDatabase() : Optional.empty();
        if (blank.isPresent()) {
            try {
                Catalog loaded = RolledBack.run(SqlLoader.verbatim(blank.get()), connection -> {
                    SqlLoader.loadInTransaction(files, connection);
                    return inspect(connection, options);
                });
                Trace.step("schema files loaded and inspected (in a rolled-back transaction)");
                return loaded;
            } catch (AutomigrateException e) {
                // loaded again below, the usual way
            } finally {
                shadow.vacuumInBackground(blank.get());
            }
        }
        try (ShadowDatabase target = shadow.createDatabase("desired")) {
            SqlLoader.load(files, target.url());
            Catalog loaded = inspect(target.url(), options);
            Trace.step("schema files loaded and inspected (in a new database)");
            return loaded;
        }
    }

    /**
     * The schema on an open connection (a live database inside a workflow's session, or a throwaway database in a
     * transaction), without the bookkeeping tables.
     */
    public static Catalog inspect(Connection connection, InspectOptions options) {
        return withoutBookkeeping(CatalogInspector.inspect(connection, options));
    }

    /** The schema of a throwaway database or template, without the bookkeeping tables. */
    public static Catalog inspect(DatabaseUrl throwaway, InspectOptions options) {
        try (Connection connection = Connections.open(throwaway)) {
            return inspect(connection, options);
        } catch (SQLException e) {
            throw AutomigrateException.database("cannot read the throwaway database " + throwaway.database() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Catalog withoutBookkeeping(Catalog catalog) {
        if (catalog.tables().stream().noneMatch(StateReader::isBookkeeping)) {
            return catalog;
        }
        List<Sequence> sequences = catalog.sequences().stream()
                .filter(q -> q.ownedBy() == null || !BOOKKEEPING.contains(q.ownedBy().name())).toList();
        boolean drizzleHoldsMore = catalog.tables().stream().anyMatch(t -> t.schema().equals(DRIZZLE_SCHEMA)
                && !isBookkeeping(t)) || sequences.stream().anyMatch(q -> q.schema().equals(DRIZZLE_SCHEMA))
                || catalog.views().stream().anyMatch(v -> v.schema().equals(DRIZZLE_SCHEMA));
        List<io.automigrate.catalog.Schema> schemas = drizzleHoldsMore ? catalog.schemas()
                : catalog.schemas().stream().filter(s -> !s.name().equals(DRIZZLE_SCHEMA)
                || catalog.tables().stream().noneMatch(t -> t.schema().equals(DRIZZLE_SCHEMA))).toList();
        return new Catalog(schemas, catalog.extensions(), catalog.enums(), catalog.compositeTypes(),
                catalog.domains(), sequences,
                catalog.tables().stream().filter(t -> !isBookkeeping(t)).toList(),
                catalog.indexes().stream().filter(i -> !BOOKKEEPING.contains(i.table().name())).toList(),
                catalog.views(), catalog.routines(), catalog.triggers(), catalog.policies(),
                catalog.dependencies().stream()
                        .filter(d -> !BOOKKEEPING.contains(d.dependent().name())
                                && !BOOKKEEPING.contains(d.referenced().name()))
                        .toList(),
                catalog.collations(), catalog.rules(), catalog.server(), catalog.unmanaged());
    }

    private static boolean isBookkeeping(Table table) {
        return BOOKKEEPING.contains(table.name());
    }

    @Override
    public void close() {
        if (shadowOptions == null || server == null) {
            return;
        }
        try {
            server.close();
        } finally {
            server = null;
            try {
                Runtime.getRuntime().removeShutdownHook(interruptCleanup);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or has run: nothing left to undo
            }
        }
    }
}
