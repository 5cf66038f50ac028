package io.automigrate.github;

import io.automigrate.AutomigrateException;
import io.automigrate.Secrets;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The ways a step talks to the GitHub Actions runner: workflow commands on stdout ({@code ::add-mask::},
 * annotations), the {@code GITHUB_OUTPUT} file and the {@code GITHUB_STEP_SUMMARY} file. Everything but the mask
 * itself goes through {@link Secrets#redact}.
 */
public final class WorkflowCommands {
    public enum Level {
        NOTICE, WARNING, ERROR;

        String command() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final PrintStream out;
    private final Path outputFile;
    private final Path summaryFile;
    private Path workspace;
    private Path project;

    public WorkflowCommands(PrintStream out, Path outputFile, Path summaryFile) {
        this.out = out;
        this.outputFile = outputFile;
        this.summaryFile = summaryFile;
    }

    /** Hides {@code secret} in the job log from here on, and in everything automigrate writes. */
    public void mask(String secret) {
        if (secret == null || secret.isBlank()) return;
        // The runner masks per line: a multi-line secret is masked line by line.
        secret.lines().filter(l -> !l.isBlank()).forEach(line -> {
            out.println("::add-mask::" + line);
            Secrets.register(line);
        });
        Secrets.register(secret);
    }

    public void log(String text) {
        out.println(Secrets.redact(text));
    }

    /**
     * Where file names in messages are relative to ({@code project}, the working directory) and where GitHub wants
     * them relative to ({@code workspace}, the repository root): an error's location becomes an annotation there.
     */
    public void paths(Path workspace, Path project) {
        this.workspace = workspace.toAbsolutePath().normalize();
        this.project = project.toAbsolutePath().normalize();
    }

    /** An annotation; {@code file} null for one that belongs to no file, {@code line} 0 when unknown. */
    public void annotate(Level level, String file, int line, String title, String message) {
        annotate(level, file, line, 0, title, message);
    }

    /** As {@link #annotate(Level, String, int, String, String)}, with the column ({@code col}, 0 when unknown). */
    public void annotate(Level level, String file, int line, int col, String title, String message) {
        StringBuilder properties = new StringBuilder();
        if (file != null) properties.append("file=").append(escapeProperty(file));
        if (file != null && line > 0) properties.append(",line=").append(line);
        if (file != null && line > 0 && col > 0) properties.append(",col=").append(col);
        if (title != null) {
            properties.append(properties.length() > 0 ? "," : "").append("title=").append(escapeProperty(title));
        }
        out.println("::" + level.command() + (properties.length() > 0 ? " " + properties : "") + "::"
                + escapeData(Secrets.redact(message)));
    }

    /** An error that belongs to no file. */
    public void error(String message) {
        error(message, null);
    }

    /**
     * An error, annotated at {@code at} (null: nowhere in particular): the place the failure carries as data
     * ({@link AutomigrateException#location()}), never read back out of the message's text.
     */
    public void error(String message, AutomigrateException.Location at) {
        if (at == null || at.file() == null) {
            annotate(Level.ERROR, null, 0, null, message);
        } else {
            annotate(Level.ERROR, fromTop(at.file()), at.line(), at.col(), null, message);
        }
    }

    /** {@code file} (relative to the project, or absolute) relative to the repository root, as annotations need. */
    private String fromTop(String file) {
        if (workspace == null) return file;
        Path path = project.resolve(file).normalize();
        return path.startsWith(workspace) ? workspace.relativize(path).toString().replace('\\', '/') : file;
    }

    public void warning(String message) {
        annotate(Level.WARNING, null, 0, null, message);
    }

    /** One step output; multi-line values use the heredoc form with a delimiter that cannot occur in the value. */
    public void output(String name, String value) {
        if (outputFile == null) return;
        String text = Secrets.redact(value == null ? "" : value);
        String entry;
        if (text.contains("\n") || text.contains("\r")) {
            String delimiter = "ghadelimiter_" + UUID.randomUUID();
            entry = name + "<<" + delimiter + "\n" + text + (text.endsWith("\n") ? "" : "\n") + delimiter + "\n";
        } else {
            entry = name + "=" + text + "\n";
        }
        append(outputFile, entry, "GITHUB_OUTPUT");
    }

    /** Appends markdown to the job summary. */
    public void summary(String markdown) {
        if (summaryFile == null) return;
        String text = Secrets.redact(markdown);
        append(summaryFile, text.endsWith("\n") ? text : text + "\n", "GITHUB_STEP_SUMMARY");
    }

    private static void append(Path file, String text, String variable) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw AutomigrateException.badInput(variable + "=" + file + ": cannot write: " + e.getMessage());
        }
    }

    // https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts documents these escapes.
    static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }
}
