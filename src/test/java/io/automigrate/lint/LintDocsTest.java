package io.automigrate.lint;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/lint.md has a section for every code, and says what the reports say. */
class LintDocsTest {
    @Test
    void everyCodeHasItsSectionAndTheFileIsCurrent() throws Exception {
        assertTrue(LintDocs.complete(), "every code has a risky and a safe example");
        String docs = Files.readString(Path.of("docs/lint.md"));
        for (Rule rule : Rule.values()) {
            assertTrue(docs.contains("<a id=\"" + rule.anchor() + "\"></a>\n#### " + rule.code() + ": " + rule.title()),
                    rule.code() + " has a section");
            assertTrue(docs.contains(rule.why()) && docs.contains(rule.safer()), rule.code() + " text as in reports");
        }
        assertEquals(LintDocs.markdown(), docs, "docs/lint.md is stale: regenerate it with "
                + "java -cp target/classes io.automigrate.lint.LintDocs > docs/lint.md");
    }

    @Test
    void findingsLinkToTheirSection() {
        Finding f = Rule.AM403.finding(io.automigrate.catalog.ObjectRef.schema("x"), "", "");
        assertEquals("docs/lint.md#am403", f.docsAnchor());
        assertEquals("am403", Rule.AM403.anchor());
    }
}
