package io.automigrate.shadow;

import io.automigrate.AutomigrateException;
import io.automigrate.db.Connections;
import io.automigrate.db.DatabaseUrl;
import io.automigrate.sql.Sql;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
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

    ShadowServer(DatabaseUrl adminUrl, String description, AutoCloseable owned) {
        this.adminUrl = adminUrl;
        this.owned = owned;
        this.majorVersion = readMajorVersion(adminUrl);
        this.description = description + " (PostgreSQL " + majorVersion + ")";
    }

    public String description() {
        return description;
    }

    public int majorVersion() {
        return majorVersion;
    }

    /** A new empty database. {@code purpose} is a short lower-case word that appears in its name. */
    public ShadowDatabase createDatabase(String purpose) {
        return createDatabase(purpose, "template0");
    }

    /** A new database copied from {@code template} (which must have no open connections). */
    public ShadowDatabase createDatabase(String purpose, String template) {
        String name = "automigrate_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "")
                + "_" + HexFormat.of().formatHex(randomBytes());
        execute("CREATE DATABASE " + Sql.ident(name) + " TEMPLATE " + Sql.ident(template)
                + " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
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
        String force = majorVersion >= 13 ? " WITH (FORCE)" : "";
        execute("DROP DATABASE IF EXISTS " + Sql.ident(name) + force);
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
        for (String name : Set.copyOf(created)) {
            try {
                drop(name);
            } catch (RuntimeException ignored) {
                // best effort on shutdown; the server itself is going away for embedded and container kinds
            }
        }
        Connections.closeQuietly(owned);
    }
}
