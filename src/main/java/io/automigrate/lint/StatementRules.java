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
    /** One changeset: whether it runs in a transaction, its statements, and the line of its --changeset line. */
    record ChangesetSql(String id, boolean runInTransaction, List<StatementShapes.Shape> statements) {
    }

    private StatementRules() {
    }

    static List<Finding> check(List<ChangesetSql> changesets) {
        List<Finding> findings = new ArrayList<>();
        for (ChangesetSql changeset : changesets) {
            List<StatementShapes.Shape> refusing = changeset.statements().stream()
                    .filter(StatementShapes.Shape::refusesTransactionBlock).toList();
            // A session setting (SET lock_timeout, as plan writes before an online index) changes no data: nothing
            // is left half-done when a later statement fails, so it does not make the changeset non-atomic.
            long ordinary = changeset.statements().stream()
                    .filter(s -> !s.refusesTransactionBlock() && !sessionSetting(s)).count();
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
                } else if (ordinary > 0) {
                    findings.add(at(Rule.AM501.finding(changesetRef, s.sql(), "The changeset also holds "
                            + ordinary + " statement(s) that could run in a transaction."), s));
                }
            }
        }
        return findings;
    }

    /** {@code SET ...} / {@code RESET ...} of a session or transaction setting. */
    static boolean sessionSetting(StatementShapes.Shape s) {
        return (s.startsWith("SET") || s.startsWith("RESET")) && !s.startsWith("SET CONSTRAINTS");
    }

    /**
     * The relation a TRUNCATE or REFRESH names (its first name after the keywords, with its schema when written),
     * read from the statement's words, which hold names as PostgreSQL stores them.
     */
    private static ObjectRef relation(StatementShapes.Shape s, String keywords) {
        List<String> w = s.words();
        int i = keywords.split(" ").length;
        while (i < w.size() && List.of("table", "only", "concurrently").contains(w.get(i))) i++;
        String name = i < w.size() ? w.get(i) : "";
        QualifiedName qualified = i + 2 < w.size() && w.get(i + 1).equals(".")
                ? new QualifiedName(name, w.get(i + 2)) : new QualifiedName("", name);
        return ObjectRef.of(keywords.equals("TRUNCATE") ? ObjectKind.TABLE : ObjectKind.VIEW, qualified);
    }

    private static Finding at(Finding finding, StatementShapes.Shape s) {
        return finding.withLine(s.line());
    }
}
