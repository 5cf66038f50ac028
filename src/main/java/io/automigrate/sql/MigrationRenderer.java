package io.automigrate.sql;

import io.automigrate.catalog.Catalog;
import io.automigrate.diff.Change;
import io.automigrate.diff.SchemaDiff;

import java.util.ArrayList;
import java.util.List;

/** Ordered changes → forward and rollback statements. */
public final class MigrationRenderer {
    private MigrationRenderer() {
    }

    /** Each change with the statements that apply it and those of its inverse, which undo it. */
    public static RenderedMigration render(SchemaDiff diff) {
        List<RenderedChange> rendered = new ArrayList<>();
        for (Change change : diff.changes()) {
            rendered.add(new RenderedChange(change, ChangeSql.of(change),
                    ChangeSql.of(change.inverse())));
        }
        return new RenderedMigration(rendered);
    }

    /**
     * As {@link #render(SchemaDiff)} when {@code options} are offline; else the online forms (see {@link OnlineSql}).
     * {@code current} is the catalog the migration applies to: it tells partitioned tables, where some online forms
     * do not exist, and the constraint names already taken.
     */
    public static RenderedMigration render(SchemaDiff diff, Catalog current, RenderOptions options) {
        if (!options.online()) {
            return render(diff);
        }
        return OnlineSql.render(diff, current, ChangeSql::of);
    }
}
