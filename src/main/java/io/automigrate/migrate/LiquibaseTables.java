package io.automigrate.migrate;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Table;

import java.util.Set;

/**
 * Bookkeeping tables are never part of a schema: Liquibase's and automigrate's own ({@code automigrate_repairs},
 * the record of what {@code repair} re-created; {@code automigrate_environments}, the environments a database
 * served, see deploy.EnvironmentRecord) are taken out of every inspected catalog.
 */
public final class LiquibaseTables {
    public static final Set<String> NAMES = Set.of("databasechangelog", "databasechangeloglock",
            "automigrate_repairs", "automigrate_environments");

    private LiquibaseTables() {
    }

    /** Inspects a database that Liquibase has migrated: its schema without the bookkeeping tables. */
    public static Catalog inspect(java.sql.Connection connection, io.automigrate.inspect.InspectOptions options) {
        return strip(io.automigrate.inspect.CatalogInspector.inspect(connection, options));
    }

    public static Catalog strip(Catalog catalog) {
        if (catalog.tables().stream().noneMatch(LiquibaseTables::isBookkeeping)) {
            return catalog;
        }
        return new Catalog(catalog.schemas(), catalog.extensions(), catalog.enums(), catalog.compositeTypes(),
                catalog.domains(), catalog.sequences(),
                catalog.tables().stream().filter(t -> !isBookkeeping(t)).toList(),
                catalog.indexes().stream().filter(i -> !NAMES.contains(i.table().name())).toList(),
                catalog.views(), catalog.routines(), catalog.triggers(), catalog.policies(),
                catalog.dependencies().stream()
                        .filter(d -> !NAMES.contains(d.dependent().name()) && !NAMES.contains(d.referenced().name()))
                        .toList(),
                catalog.collations());
    }

    private static boolean isBookkeeping(Table table) {
        return NAMES.contains(table.name());
    }
}
