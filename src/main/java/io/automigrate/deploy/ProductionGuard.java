package io.automigrate.deploy;

import io.automigrate.AutomigrateException;
import io.automigrate.config.Config;
import io.automigrate.config.EnvironmentConfig;
import io.automigrate.policy.EnvironmentPolicy;
import io.automigrate.db.Connections;
import io.automigrate.db.DatabaseUrl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

/**
 * "Is this the production database?", decided by facts, never by how the URL is spelled: what the database
 * remembers ({@link EnvironmentRecord}: it served a production environment), then, for every production environment
 * whose URL is known here, whether both URLs reach the same server and database ({@link Identity}). A database that
 * cannot be told apart from production gets production's rules, the strictest, and the reason says why.
 */
public final class ProductionGuard {
    private ProductionGuard() {
    }

    /**
     * The target with the rules it must get: production's when the facts say so. {@code reason} says which fact
     * decided (null when the configuration alone did: a production environment named, or no fact found).
     */
    public record Decision(Target target, String reason) {
    }

    /**
     * The identity of the server and database a session reached. {@code systemIdentifier} comes from
     * {@code pg_control_system()} and is null where it is not readable; the postmaster's start time and port tell two
     * servers apart on one host, the database's name and OID two databases on one server.
     */
    public record Identity(String systemIdentifier, String startedAt, String port, String database, long databaseOid) {
        public boolean sameAs(Identity other) {
            boolean system = systemIdentifier == null || other.systemIdentifier == null
                    || systemIdentifier.equals(other.systemIdentifier);
            return system && startedAt.equals(other.startedAt) && port.equals(other.port)
                    && database.equals(other.database) && databaseOid == other.databaseOid;
        }

        public String describe() {
            return "database " + database + " (oid " + databaseOid + ") on the server "
                    + (systemIdentifier == null ? "" : "with system identifier " + systemIdentifier + ", ")
                    + "started at " + startedAt + ", port " + port;
        }

        /** Reads only. */
        public static Identity read(Connection connection) throws SQLException {
            String system = null;
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT system_identifier::text FROM pg_control_system()")) {
                if (rs.next()) system = rs.getString(1);
            } catch (SQLException notReadable) {
                // a managed service may revoke it: the other facts still decide
                if (!connection.getAutoCommit()) connection.rollback();
            }
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT pg_postmaster_start_time()::text, current_setting('port'), "
                         + "current_database(), (SELECT oid FROM pg_database WHERE datname = current_database())")) {
                rs.next();
                return new Identity(system, rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4));
            }
        }
    }

    /**
     * Decides for {@code target}; reads the target database (and each production environment's, when its URL is in
     * {@code variables}). The target's URL must be set.
     */
    public static Decision decide(Target target, Config config, Map<String, String> variables) {
        DatabaseUrl url = target.requireUrl();
        Optional<EnvironmentRecord.Entry> remembered;
        Identity identity;
        try (Connection connection = Connections.openReadOnly(url)) {
            remembered = EnvironmentRecord.production(EnvironmentRecord.read(connection));
            identity = Identity.read(connection);
        } catch (SQLException e) {
            throw AutomigrateException.database(url.display() + ": " + Connections.describe(e), e);
        }
        if (target.production()) return new Decision(target, null);
        if (remembered.isPresent()) {
            String name = remembered.get().environment();
            return new Decision(asProduction(target, config, name), target.describe() + " says it is production: it "
                    + "recorded serving " + remembered.get().describe() + " in " + EnvironmentRecord.TABLE);
        }
        for (Map.Entry<String, EnvironmentConfig> entry : config.environments().entrySet()) {
            if (!entry.getValue().production() || entry.getKey().equals(target.name())) continue;
            DatabaseUrl production = Target.urlOf(entry.getKey(), entry.getValue(), variables);
            if (production == null) continue;
            String name = entry.getKey();
            if (Target.sameDatabase(production, url)) {
                return new Decision(asProduction(target, config, name), target.describe() + " is the database of "
                        + "environment '" + name + "' (same host, port and database as " + entry.getValue().urlEnv()
                        + ")");
            }
            Identity other;
            try (Connection connection = Connections.openReadOnly(production.withParameter("connectTimeout", "10"))) {
                other = Identity.read(connection);
            } catch (AutomigrateException | SQLException e) {
                String why = e instanceof SQLException s ? Connections.describe(s) : e.getMessage();
                return new Decision(asProduction(target, config, name), "whether " + target.describe() + " is the "
                        + "database of production environment '" + name + "' cannot be decided: its database ("
                        + entry.getValue().urlEnv() + ") could not be read to compare the servers (" + why + "). It "
                        + "gets production's rules, the strictest; unset " + entry.getValue().urlEnv() + " where "
                        + "production is not meant to be reachable, or make it reachable");
            }
            if (identity.sameAs(other)) {
                return new Decision(asProduction(target, config, name), target.describe() + " is the database of "
                        + "environment '" + name + "', reached under another URL: both are " + identity.describe());
            }
        }
        return new Decision(target, null);
    }

    /**
     * For entry points that bring their own environment (the Action, the Java API, and the CLI once more): the
     * request under production's rules when the database on {@code connection} remembers serving production and the
     * request's environment is not production. The reason goes to {@code notes} and the log.
     */
    static DeployRequest remembered(DeployRequest request, Connection connection, java.util.List<String> notes) {
        if (request.environment().production()) return request;
        Optional<EnvironmentRecord.Entry> remembered = EnvironmentRecord.production(EnvironmentRecord.read(connection));
        if (remembered.isEmpty()) return request;
        EnvironmentPolicy rules = EnvironmentPolicy.production(request.config(), remembered.get().environment(),
                request.environmentName(), request.environment());
        String note = request.describe() + " says it is production: it recorded serving "
                + remembered.get().describe() + " in " + EnvironmentRecord.TABLE + "; production's rules apply";
        request.log().accept("note: " + note);
        notes.add(note);
        return new DeployRequest(request.root(), request.config(), rules.name(), rules.environment(), request.access(),
                request.shadow(), request.dryRun(), request.allowDrift(), request.allow(), request.log());
    }

    private static Target asProduction(Target target, Config config, String name) {
        EnvironmentPolicy rules = EnvironmentPolicy.production(config, name, target.name(), target.environment());
        return new Target(rules.name(), rules.environment(), target.url());
    }
}
