package io.automigrate.shadow;

import io.automigrate.AutomigrateException;
import io.automigrate.db.Connections;
import io.automigrate.db.DatabaseUrl;
import io.automigrate.sqltext.Sql;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A PostgreSQL server on which throwaway databases are made. It only ever drops databases it created itself,
 * all of them named {@code automigrate_<purpose>_<random>}.
 */
public final class ShadowServer implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseUrl adminUrl;
    private final String description;
    private final int majorVersion;
    private final AutoCloseable owned;
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final boolean persistent;
    private final List<java.util.concurrent.CompletableFuture<Void>> upkeep = new java.util.concurrent.CopyOnWriteArrayList<>();

    ShadowServer(DatabaseUrl adminUrl, String description, AutoCloseable owned) {
        this(adminUrl, description, owned, false);
    }

    /**
     * {@code persistent}: a server whose data directory outlives the run (the embedded cache). Only history
     * templates are kept there; anything else left by an interrupted run is dropped on start.
     */
    ShadowServer(DatabaseUrl adminUrl, String description, AutoCloseable owned, boolean persistent) {
        this.adminUrl = adminUrl;
        this.owned = owned;
        this.persistent = persistent;
        this.majorVersion = readMajorVersion(adminUrl);
        this.description = description + " (PostgreSQL " + majorVersion + ")";
        if (persistent) {
            for (String leftover : databases("automigrate\\_%")) {
                if (!leftover.startsWith(TEMPLATE_PREFIX) && !leftover.equals(BLANK)) {
                    created.add(leftover);
                    drop(leftover);
                }
            }
        }
    }

    private static final String TEMPLATE_PREFIX = "automigrate_history_";
    private static final int TEMPLATES_KEPT = 5;
    private static final String BLANK = "automigrate_blank";
    /** Objects a script made: every catalog row a user creates gets an OID from 16384 (FirstNormalObjectId) up. */
    private static final String HOLDS_USER_OBJECTS = "SELECT EXISTS (SELECT FROM pg_class WHERE oid >= 16384)"
            + " OR EXISTS (SELECT FROM pg_namespace WHERE oid >= 16384) OR EXISTS (SELECT FROM pg_type WHERE oid >= 16384)"
            + " OR EXISTS (SELECT FROM pg_proc WHERE oid >= 16384) OR EXISTS (SELECT FROM pg_extension WHERE oid >= 16384)"
            + " OR EXISTS (SELECT FROM pg_default_acl) OR EXISTS (SELECT FROM pg_event_trigger)"
            + " OR EXISTS (SELECT FROM pg_description WHERE objoid >= 16384)";

    /** Whether templates saved here are there for the next run too. */
    public boolean persistent() {
        return persistent;
    }

    /** The template saved for {@code key} (e.g. a migration history's checksum), if there is one. */
    public java.util.Optional<String> template(String key) {
        String name = templateName(key);
        return databases(name).contains(name) ? java.util.Optional.of(name) : java.util.Optional.empty();
    }

    /**
     * Keeps {@code source} (which must have no open connections) as the template for {@code key}, so later databases
     * start from a copy of it ({@link #createDatabase(String, String)}) and can read it ({@link #templateUrl}).
     * On a persistent server it is renamed to the key's name (instant: no copy) and the newest few stay for later
     * runs; elsewhere it keeps its name and goes with the run. {@code source}'s close no longer drops it.
     */
    public String keepAsTemplate(String key, ShadowDatabase source) {
        source.kept();
        if (!persistent) {
            return source.name();
        }
        String name = templateName(key);
        created.remove(source.name());
        if (databases(name).contains(name)) {
            created.add(source.name());
            drop(source.name());
        } else {
            execute("ALTER DATABASE " + Sql.ident(source.name()) + " RENAME TO " + Sql.ident(name));
            execute("COMMENT ON DATABASE " + Sql.ident(name) + " IS " + Sql.literal(Long.toString(System.currentTimeMillis())));
        }
        pruneTemplates();
        return name;
    }

    /** The URL of a template kept by {@link #keepAsTemplate} or found by {@link #template}: for reading only. */
    public DatabaseUrl templateUrl(String template) {
        if (!template.startsWith(TEMPLATE_PREFIX) && !created.contains(template)) {
            throw new IllegalArgumentException(template + " is not a template of this server");
        }
        return adminUrl.withDatabase(template);
    }

    private static String templateName(String key) {
        String safe = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return TEMPLATE_PREFIX + safe.substring(0, Math.min(32, safe.length()));
    }

    private void pruneTemplates() {
        List<String> byAge = query("SELECT datname FROM pg_database d WHERE datname LIKE 'automigrate\\_history\\_%' "
                + "ORDER BY coalesce(shobj_description(d.oid, 'pg_database'), '0')::bigint DESC, datname");
        for (String old : byAge.subList(Math.min(TEMPLATES_KEPT, byAge.size()), byAge.size())) {
            dropDatabase(old);
        }
    }

    private List<String> databases(String likePattern) {
        return query("SELECT datname FROM pg_database WHERE datname LIKE " + Sql.literal(likePattern) + " ORDER BY datname");
    }

    private List<String> query(String sql) {
        try (Connection c = Connections.open(adminUrl); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) rows.add(rs.getString(1));
            return rows;
        } catch (SQLException e) {
            throw AutomigrateException.database("shadow server " + adminUrl.display() + ": " + Connections.describe(e), e);
        }
    }

    public String description() {
        return description;
    }

    public int majorVersion() {
        return majorVersion;
    }

    /**
     * Creates the roles of {@code names} that the server lacks (NOLOGIN), so scripts that grant to the application's
     * roles load. Only on a server this run started (embedded, container): roles are cluster-wide, and a shadow
     * server given by URL belongs to someone else; there the script's own error says which role to create.
     */
    public void ensureRoles(java.util.Collection<String> names) {
        if (owned == null || names.isEmpty()) return;
        List<String> existing = query("SELECT rolname FROM pg_roles");
        try (Connection c = Connections.open(adminUrl); Statement st = c.createStatement()) {
            for (String name : names) {
                if (existing.contains(name)) continue;
                try {
                    st.execute("CREATE ROLE " + Sql.ident(name) + " NOLOGIN");
                } catch (SQLException e) {
                    if (!"42710".equals(e.getSQLState())) throw e;   // made meanwhile: fine
                }
            }
        } catch (SQLException e) {
            throw AutomigrateException.database("shadow server " + adminUrl.display() + ": " + Connections.describe(e), e);
        }
    }

    /**
     * On a persistent server, an empty database kept for work that is always rolled back
     * ({@link io.automigrate.db.RolledBack}): a plan loads its desired schema there instead of paying for a new
     * database, a copy of template0's few hundred files. Made on first use, and made again if it is found holding
     * objects. Elsewhere empty: a new database costs the same there, and goes with the server.
     */
    public java.util.Optional<DatabaseUrl> blankDatabase() {
        if (!persistent) return java.util.Optional.empty();
        DatabaseUrl url = adminUrl.withDatabase(BLANK);
        Boolean used = null;
        try (Connection c = Connections.open(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(HOLDS_USER_OBJECTS)) {
            rs.next();
            used = rs.getBoolean(1);
        } catch (SQLException | AutomigrateException e) {
            // not there yet (or unreadable): made below
        }
        if (Boolean.FALSE.equals(used)) return java.util.Optional.of(url);
        dropDatabase(BLANK);
        copyDatabase("template0", BLANK);
        io.automigrate.Trace.step(used == null ? "shadow: blank database made" : "shadow: blank database made again (it held objects)");
        return java.util.Optional.of(url);
    }

    /**
     * Vacuums {@code database} in the background and returns the task; {@link #close} waits for it. Work rolled back
     * on a kept database ({@link io.automigrate.db.RolledBack}) leaves dead catalog rows there, and autovacuum never
     * gets to a server that lives for seconds: unvacuumed, the catalogs grew by every run and each run read slower.
     */
    public java.util.concurrent.CompletableFuture<Void> vacuumInBackground(DatabaseUrl database) {
        java.util.concurrent.CompletableFuture<Void> task = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try (Connection c = Connections.open(database); Statement st = c.createStatement()) {
                st.execute("VACUUM");
            } catch (SQLException | RuntimeException e) {
                // upkeep only: the next run vacuums again
            }
        });
        upkeep.add(task);
        return task;
    }

    /** A new empty database. {@code purpose} is a short lower-case word that appears in its name. */
    public ShadowDatabase createDatabase(String purpose) {
        return createDatabase(purpose, "template0");
    }

    /** A new database copied from {@code template} (which must have no open connections). */
    public ShadowDatabase createDatabase(String purpose, String template) {
        String name = "automigrate_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "")
                + "_" + HexFormat.of().formatHex(randomBytes());
        copyDatabase(template, name);
        created.add(name);
        return new ShadowDatabase(this, adminUrl.withDatabase(name));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    void drop(String name) {
        if (!created.remove(name)) {
            throw new IllegalStateException("refusing to drop database " + name + ": this run did not create it");
        }
        dropDatabase(name);
    }

    private void copyDatabase(String template, String name) {
        execute("CREATE DATABASE " + Sql.ident(name) + " TEMPLATE " + Sql.ident(template)
                + " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
    }

    /** Drops it even while sessions are connected (PostgreSQL 13 and later). */
    private void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + Sql.ident(name) + (majorVersion >= 13 ? " WITH (FORCE)" : ""));
    }

    private void execute(String sql) {
        try (Connection c = Connections.open(adminUrl); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw AutomigrateException.database("shadow server " + adminUrl.display() + ": "
                    + Connections.describe(e), e);
        }
    }

    private static int readMajorVersion(DatabaseUrl url) {
        try (Connection c = Connections.open(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw AutomigrateException.database("shadow server " + url.display() + ": " + Connections.describe(e), e);
        }
    }

    /** Drops every database this run still holds, then stops the server if this run started it. */
    @Override
    public void close() {
        upkeep.forEach(java.util.concurrent.CompletableFuture::join);
        for (String name : Set.copyOf(created)) {
            try {
                drop(name);
            } catch (RuntimeException ignored) {
                // best effort on shutdown; the server itself is going away for embedded and container kinds
            }
        }
        Connections.closeQuietly(owned);
        if (owned != null) io.automigrate.Trace.step("shadow server stopped");
    }
}
