package io.automigrate.deploy;

import io.automigrate.catalog.Catalog;
import io.automigrate.config.EnvironmentConfig;
import io.automigrate.diff.DiffOptions;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.diff.SchemaDiffer;
import io.automigrate.lint.DestructiveRules;
import io.automigrate.lint.Finding;
import io.automigrate.lint.Severity;
import io.automigrate.migrate.Changeset;
import io.automigrate.migrate.MigrationFile;
import io.automigrate.sql.MigrationRenderer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which findings of a pending migration block this environment: errors (or codes it raises) it does not allow. */
public final class PolicyGate {
    private PolicyGate() {
    }

    /** The findings of a migration that takes the schema from {@code before} to {@code after}. */
    public static List<Finding> findings(Catalog before, Catalog after) {
        SchemaDiff diff = SchemaDiffer.diff(before, after, DiffOptions.defaults());
        if (diff.isEmpty()) return List.of();
        return DestructiveRules.check(before, after, MigrationRenderer.render(diff));
    }

    /**
     * The findings that block: severity error, or a code the environment lists under {@code errors}, unless the
     * environment, {@code --allow} or the file itself ({@code -- automigrate:allow CODE}) allows the code.
     */
    public static List<Finding> blocking(List<Finding> findings, EnvironmentConfig environment,
                                         Collection<String> allowedByFlag, MigrationFile file) {
        Set<String> allowed = new LinkedHashSet<>(environment.allow());
        allowed.addAll(allowedByFlag);
        for (Changeset c : file.changesets()) allowed.addAll(c.allowed());
        List<Finding> blocking = new ArrayList<>();
        for (Finding f : findings) {
            boolean error = f.severity() == Severity.ERROR || environment.errors().contains(f.code());
            if (error && !allowed.contains(f.code())) blocking.add(f);
        }
        return blocking;
    }
}
