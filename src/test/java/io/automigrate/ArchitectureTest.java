package io.automigrate;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which package of {@code io.automigrate} may use which, checked on the compiled classes (a sub-package counts as
 * its top package: {@code source.prisma} is {@code source}). {@link #ALLOWED} is the one list of edges; the graph
 * in docs/architecture.md is drawn from the classes and must match it.
 *
 * <p>A new edge fails {@link #packagesUseOnlyTheirAllowedEdges}: if it is intended, add it to {@link #ALLOWED} and
 * regenerate the doc's graph with
 * {@code ./mvnw -q test -Dtest=ArchitectureTest -Darchitecture.write=true}.
 */
class ArchitectureTest {
    private static final String BASE = "io.automigrate";
    /** The classes of {@code io.automigrate} itself (exit codes, the user-facing exception, secrets): any package may use them; they use none. */
    private static final String ROOT = "(root)";

    /**
     * Every package's allowed dependencies inside automigrate, besides the root classes. The list is exact: an edge
     * the code no longer has fails too, so the list and the doc's graph say what the code does.
     */
    static final Map<String, Set<String>> ALLOWED = edges(
            // front ends: the CLI may use anything but is used by nothing; the Action is started by the CLI
            "cli", "config db deploy diff github inspect lint migrate plan policy report shadow source sql state",
            "github", "config db deploy git lint plan policy report",
            // results → text, markdown, JSON
            "report", "catalog deploy diff git lint plan sql",
            // the two workflows
            "plan", "catalog config db diff git inspect lint migrate policy shadow source sql state",
            "deploy", "catalog config db diff git inspect lint migrate policy shadow source sql sqltext state",
            // what an environment allows
            "policy", "config db lint migrate sql",
            // changes and statements → findings; hand-written files are linted on a throwaway replay
            "lint", "catalog config db diff inspect migrate shadow source sql sqltext state",
            // the one road from a schema source to a catalog (and what a schema's language leaves out of a diff)
            "state", "catalog config db diff inspect migrate shadow source",
            // migrations.format names a migrate.MigrationFormat (checked with the file's line when the file is read)
            "config", "migrate shadow",
            "migrate", "catalog diff source sql",
            "source", "catalog db diff sqltext",
            "sql", "catalog diff sqltext",
            "diff", "catalog sqltext",
            "inspect", "catalog db",
            "shadow", "db sqltext",
            "git", "",
            "db", "",
            "sqltext", "catalog",
            "catalog", "");

    /** The main classes only, read from the folder they were compiled to (scanning the class path is slower). */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(mainClasses());

    @Test
    void noPackageCycle() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void nothingButTheCliUsesTheCli() {
        noClasses().that().resideOutsideOfPackage(BASE + ".cli..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".cli..")
                .because("the CLI is a front end: code below it returns results that every front end renders")
                .check(CLASSES);
    }

    @Test
    void rootClassesUseNoPackage() {
        noClasses().that().resideInAPackage(BASE)
                .should().dependOnClassesThat().resideInAPackage(BASE + ".*..")
                .because("ExitCode, AutomigrateException and Secrets are used by every package")
                .check(CLASSES);
    }

    @Test
    void packagesUseOnlyTheirAllowedEdges() {
        Map<String, Set<String>> actual = actualEdges();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : actual.entrySet()) {
            Set<String> allowed = ALLOWED.get(entry.getKey());
            if (allowed == null) {
                problems.add("package " + entry.getKey() + " is not in ArchitectureTest.ALLOWED: add it with the "
                        + "packages it may use");
                continue;
            }
            for (String used : entry.getValue()) {
                if (!allowed.contains(used)) {
                    problems.add(entry.getKey() + " -> " + used + " is not allowed (" + example(entry.getKey(), used)
                            + "): move the code, or add the edge to ArchitectureTest.ALLOWED if it belongs there");
                }
            }
        }
        ALLOWED.forEach((from, allowed) -> allowed.stream()
                .filter(to -> !actual.getOrDefault(from, Set.of()).contains(to))
                .forEach(to -> problems.add(from + " -> " + to + " is allowed but the code no longer has it: "
                        + "remove it from ArchitectureTest.ALLOWED")));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** docs/architecture.md shows the graph the classes have; -Darchitecture.write=true writes it there. */
    @Test
    void architectureDocShowsTheGraph() throws IOException {
        Path doc = Path.of("docs/architecture.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        String begin = "<!-- package graph: generated by ArchitectureTest, do not edit -->\n";
        String end = "<!-- end of package graph -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        assertTrue(from >= 0 && to > from, "docs/architecture.md lacks the markers of the package graph");
        String generated = "```\n" + graph(actualEdges()) + "```\n";
        String shown = text.substring(from + begin.length(), to);
        if (Boolean.getBoolean("architecture.write") && !shown.equals(generated)) {
            Files.writeString(doc, text.substring(0, from + begin.length()) + generated + text.substring(to),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(generated, shown, "docs/architecture.md's package graph differs from the code's: run "
                + "./mvnw -q test -Dtest=ArchitectureTest -Darchitecture.write=true");
    }

    /**
     * The graph as text, one line a package, each above everything it uses: a package's rank is one more than the
     * highest rank among its dependencies.
     */
    static String graph(Map<String, Set<String>> edges) {
        Map<String, Integer> rank = new TreeMap<>();
        Set<String> packages = new TreeSet<>(edges.keySet());
        edges.values().forEach(packages::addAll);
        packages.forEach(p -> rank(p, edges, rank));
        List<String> ordered = new ArrayList<>(packages);
        ordered.sort((a, b) -> rank.get(a).equals(rank.get(b)) ? a.compareTo(b) : rank.get(b) - rank.get(a));
        int width = packages.stream().mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String p : ordered) {
            Set<String> used = edges.getOrDefault(p, Set.of());
            out.append(String.format("%-" + width + "s", p)).append(used.isEmpty() ? "" : " ─► " + String.join(" ", used))
                    .append('\n');
        }
        return out.toString().lines().map(String::stripTrailing).reduce("", (a, b) -> a + b + "\n");
    }

    private static int rank(String p, Map<String, Set<String>> edges, Map<String, Integer> rank) {
        Integer known = rank.get(p);
        if (known != null) return known;
        int r = 0;
        for (String used : edges.getOrDefault(p, Set.of())) r = Math.max(r, rank(used, edges, rank) + 1);
        rank.put(p, r);
        return r;
    }

    private static Map<String, Set<String>> actual;

    /** Package → the packages its classes use (the root classes left out), as the compiled classes say. */
    static synchronized Map<String, Set<String>> actualEdges() {
        if (actual == null) actual = readEdges();
        return actual;
    }

    private static Map<String, Set<String>> readEdges() {
        Map<String, Set<String>> edges = new TreeMap<>();
        for (JavaClass c : CLASSES) {
            String from = topPackage(c);
            if (from == null || from.equals(ROOT)) continue;
            Set<String> used = edges.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = topPackage(d.getTargetClass());
                if (to != null && !to.equals(ROOT) && !to.equals(from)) used.add(to);
            }
        }
        return edges;
    }

    private static String example(String from, String to) {
        for (JavaClass c : CLASSES) {
            if (!from.equals(topPackage(c))) continue;
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                if (to.equals(topPackage(d.getTargetClass()))) return d.getDescription();
            }
        }
        return "";
    }

    private static String topPackage(JavaClass c) {
        String name = c.getPackageName();
        if (name.equals(BASE)) return ROOT;
        if (!name.startsWith(BASE + ".")) return null;
        String rest = name.substring(BASE.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static Path mainClasses() {
        try {
            return Path.of(ExitCode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Set<String>> edges(String... pairs) {
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            edges.put(pairs[i], new TreeSet<>(Arrays.asList(pairs[i + 1].isBlank() ? new String[0]
                    : pairs[i + 1].split(" "))));
        }
        return edges;
    }
}
