package io.automigrate.inspect;

import io.automigrate.AutomigrateException;
import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Collation;
import io.automigrate.catalog.CompositeType;
import io.automigrate.catalog.Dependency;
import io.automigrate.catalog.Domain;
import io.automigrate.catalog.EnumType;
import io.automigrate.catalog.Extension;
import io.automigrate.catalog.Index;
import io.automigrate.catalog.Policy;
import io.automigrate.catalog.Routine;
import io.automigrate.catalog.Rule;
import io.automigrate.catalog.Schema;
import io.automigrate.catalog.Sequence;
import io.automigrate.catalog.ServerFacts;
import io.automigrate.catalog.Table;
import io.automigrate.catalog.Trigger;
import io.automigrate.catalog.View;
import io.automigrate.db.Connections;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code pg_catalog} into a {@link Catalog}: one query per object kind, whatever the number of objects.
 * Only reads; works in a read-only session. Texts are PostgreSQL's own deparsed forms, printed with an empty
 * {@code search_path} so that every name outside {@code pg_catalog} is schema-qualified: two databases on the
 * same server with the same schema inspect equal.
 */
public final class CatalogInspector {
    private CatalogInspector() {
    }

    public static Catalog inspect(Connection connection, InspectOptions options) {
        return inspect(connection, options, new CatalogQueries(connection));
    }

    /** As {@link #inspect(Connection, InspectOptions)}, running the statements through {@code queries}. */
    static Catalog inspect(Connection connection, InspectOptions options, CatalogQueries queries) {
        boolean ownTransaction = autoCommit(connection, queries);
        Catalog catalog;
        try {
            if (ownTransaction) {
                // one snapshot for all queries, and a guarantee that nothing is written
                connection.setAutoCommit(false);
                queries.execute("a read-only transaction",
                        "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            String searchPath = queries.single("search_path", "SELECT current_setting('search_path')");
            queries.single("search_path", "SELECT set_config('search_path', '', true)");
            catalog = read(queries, options);
            if (!ownTransaction) {
                queries.single("search_path", "SELECT set_config('search_path', ?, true)", searchPath);
            }
        } catch (SQLException | RuntimeException e) {
            if (ownTransaction) {
                rollbackQuietly(connection);
            }
            if (e instanceof SQLException sqlException) {
                if (CatalogQueries.lost(sqlException)) throw queries.connectionLost(sqlException);
                throw AutomigrateException.database("cannot start a transaction to read the catalog of "
                        + queries.database() + ": " + Connections.describe(sqlException), e);
            }
            throw (RuntimeException) e;
        }
        if (ownTransaction) {
            endTransaction(connection);
        }
        return catalog;
    }

    private static Catalog read(CatalogQueries queries, InspectOptions options) {
        ObjectIds ids = new ObjectIds();
        List<Schema> schemas = SchemaReader.schemas(queries, options, ids);
        String[] scope = schemas.stream().map(Schema::name).toArray(String[]::new);
        List<Extension> extensions = SchemaReader.extensions(queries, scope, ids);
        List<Collation> collations = SchemaReader.collations(queries, scope, ids);
        List<EnumType> enums = TypeReader.enums(queries, scope, ids);
        List<Domain> domains = TypeReader.domains(queries, scope, ids);
        Map<Long, List<RelationReader.Attribute>> attributes = RelationReader.attributes(queries, scope);
        List<CompositeType> composites = TypeReader.composites(queries, scope, attributes, ids);
        List<Table> tables = RelationReader.tables(queries, scope, attributes, ids);
        List<Sequence> sequences = RelationReader.sequences(queries, scope, ids);
        List<View> views = RelationReader.views(queries, scope, attributes, ids);
        List<Index> indexes = RelationReader.indexes(queries, scope, ids);
        List<Routine> routines = CodeReader.routines(queries, scope, ids);
        List<Trigger> triggers = CodeReader.triggers(queries, scope, ids);
        List<Policy> policies = CodeReader.policies(queries, scope, ids);
        List<Rule> rules = CodeReader.rules(queries, scope, ids);
        List<Dependency> dependencies = DependencyReader.dependencies(queries, ids);
        ServerFacts server = TypeReader.serverFacts(queries);
        List<io.automigrate.catalog.UnmanagedObject> unmanaged = UnmanagedReader.read(queries, scope);
        return new Catalog(schemas, extensions, enums, composites, domains, sequences, tables, indexes, views,
                routines, triggers, policies, dependencies, collations, rules, server, unmanaged);
    }

    private static boolean autoCommit(Connection connection, CatalogQueries queries) {
        try {
            return connection.getAutoCommit();
        } catch (SQLException e) {
            if (CatalogQueries.lost(e)) throw queries.connectionLost(e);
            throw AutomigrateException.database("cannot read the catalog of " + queries.database() + ": the "
                    + "connection is not usable: " + Connections.describe(e), e);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the failure being reported is the one that matters
        }
    }

    private static void endTransaction(Connection connection) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw AutomigrateException.database("cannot end the transaction that read the catalog: "
                    + Connections.describe(e), e);
        }
    }
}
