package io.automigrate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.sql.RenderedChange;
import io.automigrate.sql.RenderedMigration;

import java.util.List;
import java.util.Locale;

/** The result of {@code automigrate diff}: the migration, its rollback, each change, and notes for the user. */
public record DiffReport(boolean changed, List<ChangeEntry> changes, String sql, String rollback, List<String> notes) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public DiffReport {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    /** One change: {@code action} is create, drop or alter; {@code target} e.g. {@code table public.users}. */
    public record ChangeEntry(String action, String target, String description, String sql, String rollback) {
    }

    public static DiffReport of(SchemaDiff diff, RenderedMigration migration) {
        List<ChangeEntry> entries = migration.changes().stream().map(DiffReport::entry).toList();
        return new DiffReport(!diff.isEmpty(), entries, migration.forwardSql(), migration.rollbackSql(), diff.notes());
    }

    private static ChangeEntry entry(RenderedChange rendered) {
        return new ChangeEntry(rendered.change().action().name().toLowerCase(Locale.ROOT),
                rendered.change().target().toString(), rendered.change().describe(),
                RenderedMigration.script(rendered.forward()), RenderedMigration.script(rendered.rollback()));
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the diff as JSON", e);
        }
    }
}
