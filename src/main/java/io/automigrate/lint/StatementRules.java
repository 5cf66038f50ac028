package io.automigrate.lint;

import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.source.StatementShapes;

import java.util.ArrayList;
import java.util.List;

/**
 * Findings read from statements alone, for generated and hand-written migrations alike: TRUNCATE (AM108), REFRESH
 * MATERIALIZED VIEW without CONCURRENTLY (AM412), and the transaction shape of each changeset (AM501, AM502).
 */
final class StatementRules {
    /** Statements PostgreSQL refuses inside a transaction block, as shape prefixes. */
    private static final List<String> NON_TRANSACTIONAL = List.of("CREATE INDEX CONCURRENTLY",
            "CREATE UNIQUE INDEX CONCURRENTLY", "DROP INDEX CONCURRENTLY", "REINDEX", "VACUUM", "CREATE DATABASE",
            "DROP DATABASE", "ALTER SYSTEM", "CREATE TABLESPACE", "DROP TABLESPACE", "CLUSTER");

    /** One changeset: whether it runs in a transaction, its statements, and the line of its --changeset line. */
    record ChangesetSql(String id, boolean runInTransaction, List<StatementShapes.Shape> statements) {
    }

    private StatementRules() {
    }

    static List<Finding> check(List<ChangesetSql> changesets) {
        List<Finding> findings = new ArrayList<>();
        for (ChangesetSql changeset : changesets) {
            List<StatementShapes.Shape> refusing = changeset.statements().stream()
                    .filter(StatementRules::nonTransactional).toList();
            for (StatementShapes.Shape s : changeset.statements()) {
                if (s.startsWith("TRUNCATE")) {
                    findings.add(at(Rule.AM108.finding(relation(s, "TRUNCATE"), s.sql(), ""), s));
                } else if (s.startsWith("REFRESH MATERIALIZED VIEW") && !s.has("CONCURRENTLY")) {
                    findings.add(at(Rule.AM412.finding(relation(s, "REFRESH MATERIALIZED VIEW"), s.sql(), ""), s));
                }
            }
            for (StatementShapes.Shape s : refusing) {
                ObjectRef changesetRef = new ObjectRef(ObjectKind.SCHEMA, "", "changeset " + changeset.id(), "");
                if (changeset.runInTransaction()) {
                    findings.add(at(Rule.AM502.finding(changesetRef, s.sql(), "The changeset runs in a transaction."), s));
                } else if (changeset.statements().size() > 1) {
                    findings.add(at(Rule.AM501.finding(changesetRef, s.sql(), "The changeset holds "
                            + changeset.statements().size() + " statements."), s));
                }
            }
        }
        return findings;
    }

    static boolean nonTransactional(StatementShapes.Shape s) {
        for (String prefix : NON_TRANSACTIONAL) {
            if (s.startsWith(prefix)) {
                return !prefix.equals("REINDEX") || s.has("CONCURRENTLY") || s.startsWith("REINDEX DATABASE")
                        || s.startsWith("REINDEX SYSTEM");
            }
        }
        return false;
    }

    /** The relation a TRUNCATE or REFRESH names (its first name after the keywords), for the report. */
    private static ObjectRef relation(StatementShapes.Shape s, String keywords) {
        String rest = s.shape().substring(keywords.length()).strip();
        if (rest.startsWith("TABLE ")) rest = rest.substring(6);
        if (rest.startsWith("ONLY ")) rest = rest.substring(5);
        String name = rest.split("[ ,;(]")[0].toLowerCase(java.util.Locale.ROOT).replace("\"", "");
        int dot = name.indexOf('.');
        QualifiedName qualified = dot < 0 ? new QualifiedName("", name)
                : new QualifiedName(name.substring(0, dot), name.substring(dot + 1));
        return ObjectRef.of(keywords.equals("TRUNCATE") ? ObjectKind.TABLE : ObjectKind.VIEW, qualified);
    }

    private static Finding at(Finding finding, StatementShapes.Shape s) {
        return finding.withLine(s.line());
    }
}
