package io.automigrate.deploy;

import io.automigrate.catalog.Catalog;
import io.automigrate.config.EnvironmentConfig;
import io.automigrate.diff.DiffOptions;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.diff.SchemaDiffer;
import io.automigrate.lint.DestructiveRules;
import io.automigrate.lint.Finding;
import io.automigrate.lint.LintPolicy;
import io.automigrate.migrate.Changeset;
import io.automigrate.migrate.FormattedSql;
import io.automigrate.migrate.MigrationFile;
import io.automigrate.sql.MigrationRenderer;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        // The findings of a deploy are not tied to one changeset: an allowance anywhere in the file counts.
        Map<String, String> inline = new LinkedHashMap<>();
        for (Changeset c : file.changesets()) inline.putAll(FormattedSql.allowances(c.sql()));
        List<Finding> judged = LintPolicy.apply(LintPolicy.allowInline(findings, inline), null, environment,
                allowedByFlag);
        return judged.stream().filter(Finding::blocks).toList();
    }
}
