package io.automigrate.lint;

import io.automigrate.AutomigrateException;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.config.EnvironmentConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one policy function: environment errors and allows, --allow, inline allowances, risk. */
class LintPolicyTest {
    private static final ObjectRef USERS = ObjectRef.of(ObjectKind.TABLE, new QualifiedName("public", "users"));
    private static final Finding DROP = Rule.AM101.finding(USERS, "DROP TABLE users;", "");
    private static final Finding INDEX = Rule.AM401.finding(USERS, "CREATE INDEX i ON users (id);", "");
    private static final Finding TRIGGER = Rule.AM410.finding(USERS, "CREATE TRIGGER ...;", "");

    private static EnvironmentConfig environment(List<String> allow, List<String> errors) {
        return new EnvironmentConfig(null, null, true, null, allow, errors, null, null, null, null, null);
    }

    @Test
    void withoutPolicyDefaultsHold() {
        List<Finding> out = LintPolicy.apply(List.of(DROP, INDEX, TRIGGER), null, null, List.of());
        assertEquals(List.of(DROP, INDEX, TRIGGER), out);
        assertTrue(LintPolicy.blocks(out));
        assertEquals("high", LintPolicy.risk(out));
        assertEquals("medium", LintPolicy.risk(List.of(INDEX, TRIGGER)));
        assertEquals("low", LintPolicy.risk(List.of(TRIGGER)));
    }

    @Test
    void environmentRaisesAndAllows() {
        List<Finding> out = LintPolicy.apply(List.of(DROP, INDEX), "production",
                environment(List.of("AM101"), List.of("AM401")), List.of());
        assertTrue(out.get(0).isSuppressed());
        assertEquals("allowed by environment production in automigrate.yml", out.get(0).suppression().toString());
        assertEquals(Severity.ERROR, out.get(1).severity());
        assertTrue(out.get(1).blocks());
        assertEquals("high", LintPolicy.risk(out));
    }

    @Test
    void commandLineAllowsAreCheckedAndSplitOnCommas() {
        List<Finding> out = LintPolicy.apply(List.of(DROP, INDEX), null, null, List.of("am101,AM401"));
        assertTrue(out.stream().allMatch(Finding::isSuppressed));
        assertFalse(LintPolicy.blocks(out));
        assertEquals("low", LintPolicy.risk(out));
        assertEquals(Set.of("AM101", "AM401"), LintPolicy.codes(List.of("am101", " AM401 "), "--allow"));
        AutomigrateException bad = assertThrows(AutomigrateException.class,
                () -> LintPolicy.codes(List.of("AM199"), "--allow"));
        assertTrue(bad.getMessage().contains("--allow AM199"), bad.getMessage());
    }

    @Test
    void inlineAllowanceKeepsItsReasonAndWinsOverLaterSources() {
        List<Finding> inline = LintPolicy.allowInline(List.of(DROP, INDEX), Map.of("AM101", "archived to S3 first"));
        List<Finding> out = LintPolicy.apply(inline, null, null, List.of("AM101"));
        assertEquals("-- automigrate:allow AM101: archived to S3 first", out.get(0).suppression().toString());
        assertFalse(out.get(1).isSuppressed());
    }

    @Test
    void raisingAnAllowedCodeStillDoesNotBlock() {
        List<Finding> out = LintPolicy.apply(List.of(INDEX), "production", environment(List.of(), List.of("AM401")),
                List.of("AM401"));
        assertEquals(Severity.ERROR, out.get(0).severity());
        assertFalse(out.get(0).blocks());
    }
}
