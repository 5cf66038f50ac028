package io.automigrate.report;

import io.automigrate.deploy.BaselineResult;
import io.automigrate.deploy.PushResult;

/** What {@code automigrate init} and {@code automigrate push} did, as text. */
public final class BaselineReport {
    private BaselineReport() {
    }

    public static String init(BaselineResult r) {
        if (r.adopted()) {
            StringBuilder out = new StringBuilder("recorded the ").append(r.statements()).append(" migration(s) of ")
                    .append(r.migrationFile()).append(" as applied in ").append(r.database())
                    .append(": its schema is what they give\n");
            r.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
            return out.toString();
        }
        StringBuilder out = new StringBuilder("baselined ").append(r.database()).append('\n')
                .append("  wrote ").append(r.schemaFile()).append(" (").append(r.statements()).append(" statements)\n")
                .append("  wrote ").append(r.migrationFile()).append(", recorded as applied in the database\n");
        r.replacedMigrations().forEach(f -> out.append("  removed ").append(f).append(" (--force)\n"));
        r.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
        out.append("\nNext: commit both files; edit ").append(r.schemaFile())
                .append(" and run 'automigrate plan' for each change.\n");
        return out.toString();
    }

    public static String push(PushResult r) {
        if (!r.changed()) {
            StringBuilder out = new StringBuilder("nothing to push: ").append(r.target())
                    .append(" matches the schema\n");
            r.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
            return out.toString();
        }
        StringBuilder out = new StringBuilder("pushed the schema to ").append(r.target()).append(" (")
                .append(r.changes().size()).append(" change(s), verified: it now matches the schema)\n");
        r.changes().forEach(c -> out.append("  ").append(c).append('\n'));
        r.acceptedLosses().forEach(f -> out.append("accepted data loss: ").append(f.code()).append(' ')
                .append(f.title()).append(": ").append(f.target()).append('\n'));
        r.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
        out.append("\n-- ran\n").append(r.sql());
        return out.toString();
    }
}
