package io.automigrate.deploy;

import io.automigrate.catalog.Catalog;
import io.automigrate.config.EnvironmentConfig;
import io.automigrate.lint.Linter;
import io.automigrate.lint.Finding;
import io.automigrate.lint.LintPolicy;
import io.automigrate.migrate.Changeset;
import io.automigrate.migrate.FormattedSql;
import io.automigrate.migrate.MigrationFile;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which findings of a pending migration block this environment: errors (or codes it raises) it does not allow. */
public final class PolicyGate {
    private PolicyGate() {
    }

    /**
     * The findings of {@code file} (shown as {@code shown}), which takes the schema from {@code before} to
     * {@code after}: the typed rules over the change between the two, and the statement rules over its SQL.
     */
    public static List<Finding> findings(Catalog before, Catalog after, MigrationFile file, String shown) {
        return Linter.file(before, after, file, shown);
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
