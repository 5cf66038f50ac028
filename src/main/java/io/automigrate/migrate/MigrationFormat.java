package io.automigrate.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.automigrate.AutomigrateException;
import io.automigrate.TextFiles;
import io.automigrate.source.StatementShapes;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migration folders teams already have, kept as they are: each migration of the folder is read as one
 * changeset whose id is the migration's file (or folder) name and whose author is the format, so that Liquibase
 * keeps the books for them as for automigrate's own files. Each format also writes the next migration in its own
 * naming, with its rollback where the format has a place for one.
 */
public enum MigrationFormat {
    /** automigrate's own: Liquibase formatted SQL, {@code YYYYMMDDHHMMSS_<name>.sql}. */
    LIQUIBASE("liquibase"),
    /** Prisma Migrate: {@code <timestamp>_<name>/migration.sql}; no down migrations. */
    PRISMA("prisma"),
    /** Flyway: {@code V<version>__<name>.sql}, undo {@code U<version>__<name>.sql}, repeatable {@code R__<name>.sql}. */
    FLYWAY("flyway"),
    /** golang-migrate: {@code <version>_<name>.up.sql} and {@code .down.sql}. */
    GOLANG_MIGRATE("golang-migrate"),
    /** dbmate: {@code <version>_<name>.sql} with {@code -- migrate:up} and {@code -- migrate:down} sections. */
    DBMATE("dbmate"),
    /** drizzle-kit: {@code meta/_journal.json} lists {@code <tag>.sql} files cut by {@code --> statement-breakpoint}. */
    DRIZZLE("drizzle"),
    /** Numbered {@code .sql} files applied in name order, no rollback. */
    PLAIN("plain");

    private static final Pattern PRISMA_DIR = Pattern.compile("(\\d{14})_([A-Za-z0-9_]+)");
    private static final Pattern FLYWAY_FILE = Pattern.compile("([VUR])([0-9._]*)__(.+)\\.sql");
    private static final Pattern GOLANG_FILE = Pattern.compile("(\\d+)_(.+)\\.(up|down)\\.sql");
    private static final Pattern VERSIONED_FILE = Pattern.compile("(\\d+)_(.+)\\.sql");
    private static final Pattern DBMATE_MARK = Pattern.compile("^--\\s*migrate:(up|down)\\b(.*)$");
    private static final String DRIZZLE_BREAK = "--> statement-breakpoint";

    private final String id;

    MigrationFormat(String id) {
        this.id = id;
    }

    /** The name used in automigrate.yml ({@code migrations: {format: ...}}) and as the changesets' author. */
    public String id() {
        return id;
    }

    /** The format named {@code name} in automigrate.yml; an unknown name is exit 2 listing the known ones. */
    public static MigrationFormat named(String name, String where) {
        for (MigrationFormat f : values()) {
            if (f.id.equals(name)) return f;
        }
        throw AutomigrateException.badInput(where + ": unknown migrations format '" + name + "': expected one of "
                + String.join(", ", Stream.of(values()).map(MigrationFormat::id).toList()));
    }

    /**
     * One migration of a folder: its path relative to the folder, its forward SQL and the line of the file where it
     * starts, and its rollback (null when there is none) with the file (relative to the folder) and line where that
     * starts.
     */
    public record Migration(String id, String path, String sql, String rollback, boolean runInTransaction, int line,
                            String rollbackPath, int rollbackLine) {
        public Migration {
            if (rollback != null && rollback.isBlank()) rollback = null;
        }

        Migration(String id, String path, String sql, String rollback, boolean runInTransaction, int line) {
            this(id, path, sql, rollback, runInTransaction, line, path, 1);
        }
    }

    /** A few words on how the format's folder looks, for messages. */
    public String describe() {
        return switch (this) {
            case LIQUIBASE -> "YYYYMMDDHHMMSS_<name>.sql files starting with '--liquibase formatted sql'";
            case PRISMA -> "<timestamp>_<name>/migration.sql folders";
            case FLYWAY -> "V<version>__<name>.sql files";
            case GOLANG_MIGRATE -> "<version>_<name>.up.sql and .down.sql files";
            case DBMATE -> "<version>_<name>.sql files with '-- migrate:up'";
            case DRIZZLE -> "meta/_journal.json and its <tag>.sql files";
            case PLAIN -> "numbered .sql files";
        };
    }

    /** Flyway's repeatable migrations run again whenever their text changes (Liquibase's runOnChange). */
    public boolean runsOnChange(String path) {
        return this == FLYWAY && path.startsWith("R__");
    }

    /**
     * The format a folder's contents unmistakably show, or null when they show none (a missing or empty folder, or
     * plain numbered SQL files, which several formats also are).
     */
    public static MigrationFormat sniff(Path dir) {
        if (!Files.isDirectory(dir)) return null;
        if (Files.isRegularFile(dir.resolve("meta/_journal.json"))) return DRIZZLE;
        List<Path> children;
        try (Stream<Path> listing = Files.list(dir)) {
            children = listing.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            return null;
        }
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (name.equals("migration_lock.toml")
                    || (Files.isDirectory(child) && PRISMA_DIR.matcher(name).matches()
                    && Files.isRegularFile(child.resolve("migration.sql")))) {
                return PRISMA;
            }
        }
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (!name.endsWith(".sql") || Files.isDirectory(child)) continue;
            if (GOLANG_FILE.matcher(name).matches()) return GOLANG_MIGRATE;
            Matcher flyway = FLYWAY_FILE.matcher(name);
            if (flyway.matches() && (flyway.group(1).equals("R") || !flyway.group(2).isEmpty())) return FLYWAY;
        }
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (!name.endsWith(".sql") || Files.isDirectory(child)) continue;
            String head;
            try (Stream<String> lines = Files.lines(child)) {
                head = String.join("\n", lines.limit(20).toList());
            } catch (IOException | java.io.UncheckedIOException e) {
                continue;
            }
            if (head.strip().toLowerCase(Locale.ROOT).startsWith(FormattedSql.HEADER)) return LIQUIBASE;
            if (head.lines().anyMatch(l -> DBMATE_MARK.matcher(l.strip()).matches())) return DBMATE;
        }
        return null;
    }

    /**
     * The migrations of {@code dir} in the order the tool applies them; {@code shown} is the folder as the user
     * knows it. Not for {@link #LIQUIBASE}, which {@link MigrationHistory} reads.
     */
    public List<Migration> read(Path dir, String shown) {
        String prefix = shown.replaceAll("/+$", "") + "/";
        return switch (this) {
            case LIQUIBASE -> throw new IllegalStateException("formatted SQL is read by MigrationHistory");
            case PRISMA -> readPrisma(dir, prefix);
            case FLYWAY -> readFlyway(dir, prefix);
            case GOLANG_MIGRATE -> readGolang(dir, prefix);
            case DBMATE -> readDbmate(dir, prefix);
            case DRIZZLE -> readDrizzle(dir, prefix);
            case PLAIN -> readPlain(dir, prefix);
        };
    }

    /** The changeset Liquibase runs for a migration of this format. */
    public Changeset changeset(Migration m) {
        return new Changeset(id, m.id(), m.runInTransaction(), null, m.sql(), m.rollback(), m.line(), List.of());
    }

    // ---- readers

    private static List<Migration> readPrisma(Path dir, String prefix) {
        List<Migration> out = new ArrayList<>();
        for (Path child : list(dir, prefix)) {
            String name = child.getFileName().toString();
            if (!Files.isDirectory(child)) {
                if (name.equals("migration_lock.toml")) continue;
                throw AutomigrateException.badInput(prefix + name + ": a Prisma migrations folder holds one folder "
                        + "per migration (<timestamp>_<name>/migration.sql) and migration_lock.toml: move this file out");
            }
            if (!PRISMA_DIR.matcher(name).matches()) {
                throw AutomigrateException.badInput(prefix + name + ": Prisma migration folders are named "
                        + "<YYYYMMDDHHMMSS>_<name>: rename it");
            }
            Path sql = child.resolve("migration.sql");
            String shown = prefix + name + "/migration.sql";
            if (!Files.isRegularFile(sql)) {
                throw AutomigrateException.badInput(shown + ": missing: each Prisma migration folder holds migration.sql");
            }
            String text = TextFiles.readUtf8(sql, shown);
            out.add(new Migration(name, name + "/migration.sql", text, null, transactional(text, shown), 1));
        }
        return out;
    }

    private static List<Migration> readFlyway(Path dir, String prefix) {
        record Versioned(List<BigInteger> version, String name, Path path) {
        }
        List<Versioned> versioned = new ArrayList<>();
        Map<String, Path> undo = new LinkedHashMap<>();
        List<Path> repeatable = new ArrayList<>();
        for (Path file : list(dir, prefix)) {
            String name = file.getFileName().toString();
            if (Files.isDirectory(file) || !name.endsWith(".sql")) continue;
            Matcher m = FLYWAY_FILE.matcher(name);
            if (!m.matches() || (!m.group(1).equals("R") && m.group(2).isEmpty())) {
                throw AutomigrateException.badInput(prefix + name + ": Flyway files are named V<version>__<name>.sql, "
                        + "U<version>__<name>.sql or R__<name>.sql: rename it");
            }
            switch (m.group(1)) {
                case "V" -> versioned.add(new Versioned(flywayVersion(m.group(2)), m.group(3), file));
                case "U" -> undo.put(flywayVersion(m.group(2)).toString(), file);
                default -> repeatable.add(file);
            }
        }
        versioned.sort(Comparator.comparing(Versioned::version, MigrationFormat::compareVersions));
        List<Migration> out = new ArrayList<>();
        for (int i = 1; i < versioned.size(); i++) {
            if (compareVersions(versioned.get(i - 1).version(), versioned.get(i).version()) == 0) {
                throw AutomigrateException.badInput(prefix + versioned.get(i).path().getFileName()
                        + ": the same version as " + versioned.get(i - 1).path().getFileName() + ": give it its own");
            }
        }
        for (Versioned v : versioned) {
            String name = v.path().getFileName().toString();
            String text = TextFiles.readUtf8(v.path(), prefix + name);
            Path undoFile = undo.get(v.version().toString());
            String rollback = undoFile == null ? null : TextFiles.readUtf8(undoFile, prefix + undoFile.getFileName());
            out.add(new Migration(stem(name), name, text, rollback, transactional(text, prefix + name), 1,
                    undoFile == null ? name : undoFile.getFileName().toString(), 1));
        }
        // Repeatable migrations run after the versioned ones, in name order (as Flyway runs them).
        for (Path r : repeatable) {
            String name = r.getFileName().toString();
            String text = TextFiles.readUtf8(r, prefix + name);
            out.add(new Migration(stem(name), name, text, null, transactional(text, prefix + name), 1));
        }
        return out;
    }

    private static List<BigInteger> flywayVersion(String text) {
        List<BigInteger> parts = new ArrayList<>();
        for (String part : text.split("[._]")) {
            if (!part.isEmpty()) parts.add(new BigInteger(part));
        }
        return parts;
    }

    private static int compareVersions(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) return c;
        }
        return 0;
    }

    private static List<Migration> readGolang(Path dir, String prefix) {
        Map<BigInteger, Path> up = new java.util.TreeMap<>();
        Map<BigInteger, Path> down = new java.util.TreeMap<>();
        for (Path file : list(dir, prefix)) {
            String name = file.getFileName().toString();
            if (Files.isDirectory(file) || !name.endsWith(".sql")) continue;
            Matcher m = GOLANG_FILE.matcher(name);
            if (!m.matches()) {
                throw AutomigrateException.badInput(prefix + name + ": golang-migrate files are named "
                        + "<version>_<name>.up.sql and <version>_<name>.down.sql: rename it");
            }
            Map<BigInteger, Path> side = m.group(3).equals("up") ? up : down;
            Path previous = side.put(new BigInteger(m.group(1)), file);
            if (previous != null) {
                throw AutomigrateException.badInput(prefix + name + ": version " + m.group(1) + " is also used by "
                        + previous.getFileName() + ": give it its own");
            }
        }
        for (BigInteger version : down.keySet()) {
            if (!up.containsKey(version)) {
                throw AutomigrateException.badInput(prefix + down.get(version).getFileName()
                        + ": a down migration without its up migration: add the .up.sql file or remove it");
            }
        }
        List<Migration> out = new ArrayList<>();
        for (Map.Entry<BigInteger, Path> e : up.entrySet()) {
            String name = e.getValue().getFileName().toString();
            String text = TextFiles.readUtf8(e.getValue(), prefix + name);
            Path downFile = down.get(e.getKey());
            String rollback = downFile == null ? null : TextFiles.readUtf8(downFile, prefix + downFile.getFileName());
            String id = name.substring(0, name.length() - ".up.sql".length());
            out.add(new Migration(id, name, text, rollback, transactional(text, prefix + name), 1,
                    downFile == null ? name : downFile.getFileName().toString(), 1));
        }
        return out;
    }

    private static List<Migration> readDbmate(Path dir, String prefix) {
        List<Migration> out = new ArrayList<>();
        for (Path file : versionedFiles(dir, prefix, "dbmate files are named <version>_<name>.sql")) {
            String name = file.getFileName().toString();
            String shown = prefix + name;
            String text = TextFiles.readUtf8(file, shown);
            StringBuilder up = null;
            StringBuilder downText = null;
            StringBuilder current = null;
            boolean upInTransaction = true;
            int upLine = 1;
            int downLine = 1;
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher mark = DBMATE_MARK.matcher(lines[i].strip());
                if (mark.matches()) {
                    boolean isUp = mark.group(1).equals("up");
                    if ((isUp ? up : downText) != null) {
                        throw AutomigrateException.badInputAt(new AutomigrateException.Location(shown, (i + 1), 0),
                                "a second -- migrate:"
                                + mark.group(1) + " section: keep one");
                    }
                    current = new StringBuilder();
                    if (isUp) {
                        up = current;
                        upLine = i + 2;
                        upInTransaction = !mark.group(2).replace(" ", "").contains("transaction:false");
                    } else {
                        downText = current;
                        downLine = i + 2;
                    }
                    continue;
                }
                if (current != null) current.append(lines[i]).append('\n');
            }
            if (up == null) {
                throw AutomigrateException.badInput(shown + ":1: no '-- migrate:up' section: dbmate migrations start "
                        + "with it");
            }
            String rollback = downText == null || downText.toString().isBlank() ? null : downText.toString();
            out.add(new Migration(stem(name), name, up.toString(), rollback, upInTransaction, upLine, name, downLine));
        }
        return out;
    }

    private static List<Migration> readDrizzle(Path dir, String prefix) {
        Path journal = dir.resolve("meta/_journal.json");
        String journalShown = prefix + "meta/_journal.json";
        if (!Files.isRegularFile(journal)) {
            throw AutomigrateException.badInput(journalShown + ": missing: a drizzle-kit migrations folder lists its "
                    + "migrations in meta/_journal.json (run drizzle-kit generate once, or choose format: plain)");
        }
        JsonNode entries;
        try {
            entries = new ObjectMapper().readTree(TextFiles.readUtf8(journal, journalShown)).path("entries");
        } catch (IOException e) {
            throw AutomigrateException.badInput(journalShown + ": not valid JSON: " + e.getMessage());
        }
        if (!entries.isArray()) throw AutomigrateException.badInput(journalShown + ": no \"entries\" list");
        List<JsonNode> sorted = new ArrayList<>();
        entries.forEach(sorted::add);
        sorted.sort(Comparator.comparingInt(e -> e.path("idx").asInt()));
        List<Migration> out = new ArrayList<>();
        for (JsonNode entry : sorted) {
            String tag = entry.path("tag").asText("");
            if (tag.isEmpty()) throw AutomigrateException.badInput(journalShown + ": an entry without a \"tag\"");
            String name = tag + ".sql";
            Path file = dir.resolve(name);
            String text = TextFiles.readUtf8(file, prefix + name);
            // drizzle-kit runs each part between breakpoints as its own statement: the marker is a comment to
            // PostgreSQL, so the text runs whole as written.
            out.add(new Migration(tag, name, text, null, transactional(text, prefix + name), 1));
        }
        return out;
    }

    private static List<Migration> readPlain(Path dir, String prefix) {
        List<Migration> out = new ArrayList<>();
        for (Path file : list(dir, prefix)) {
            String name = file.getFileName().toString();
            if (Files.isDirectory(file) || !name.endsWith(".sql")) continue;
            String text = TextFiles.readUtf8(file, prefix + name);
            out.add(new Migration(stem(name), name, text, null, transactional(text, prefix + name), 1));
        }
        return out;
    }

    private static List<Path> versionedFiles(Path dir, String prefix, String rule) {
        List<Path> out = new ArrayList<>();
        for (Path file : list(dir, prefix)) {
            String name = file.getFileName().toString();
            if (Files.isDirectory(file) || !name.endsWith(".sql")) continue;
            if (!VERSIONED_FILE.matcher(name).matches()) {
                throw AutomigrateException.badInput(prefix + name + ": " + rule + ": rename it");
            }
            out.add(file);
        }
        out.sort(Comparator.comparing(p -> new BigInteger(versionOf(p.getFileName().toString()))));
        return out;
    }

    private static String versionOf(String name) {
        Matcher m = VERSIONED_FILE.matcher(name);
        return m.matches() ? m.group(1) : "0";
    }

    /** A migration that holds a statement PostgreSQL refuses inside a transaction block runs outside one. */
    private static boolean transactional(String text, String shown) {
        return StatementShapes.of(text, 1, shown).stream().noneMatch(StatementShapes.Shape::refusesTransactionBlock);
    }

    private static String stem(String name) {
        return name.endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
    }

    private static List<Path> list(Path dir, String prefix) {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw AutomigrateException.badInput(prefix + ": cannot list: " + e.getMessage());
        }
    }

    // ---- writers

    /** A file to write for a new migration: its path relative to the migrations folder, and its text. */
    public record NewFile(String path, String text) {
    }

    /**
     * The files of the next migration {@code name} (lower snake case) in this format, after the migrations already
     * in {@code dir}: forward SQL, and the rollback in the format's own place (a comment block where it has none).
     * Not for {@link #LIQUIBASE}, which {@link FormattedSql} writes.
     */
    public List<NewFile> write(Path dir, String name, Instant now, String sql, String rollback) {
        String stamp = MigrationNames.TIMESTAMP.format(now);
        String body = sql.strip() + "\n";
        String back = rollback == null || rollback.isBlank() ? null : rollback.strip() + "\n";
        return switch (this) {
            case LIQUIBASE -> throw new IllegalStateException("formatted SQL is written by FormattedSql");
            case PRISMA -> List.of(new NewFile(stamp + "_" + name + "/migration.sql", body + commented(back)));
            case FLYWAY -> {
                String version = nextFlywayVersion(dir, stamp);
                List<NewFile> files = new ArrayList<>();
                files.add(new NewFile("V" + version + "__" + name + ".sql", body));
                if (back != null) files.add(new NewFile("U" + version + "__" + name + ".sql", back));
                yield files;
            }
            case GOLANG_MIGRATE -> {
                String version = nextNumber(dir, GOLANG_FILE, stamp);
                List<NewFile> files = new ArrayList<>();
                files.add(new NewFile(version + "_" + name + ".up.sql", body));
                files.add(new NewFile(version + "_" + name + ".down.sql", back == null ? "" : back));
                yield files;
            }
            case DBMATE -> List.of(new NewFile(stamp + "_" + name + ".sql",
                    "-- migrate:up\n" + body + "\n-- migrate:down\n" + (back == null ? "" : back)));
            case DRIZZLE -> drizzle(dir, name, now, body, back);
            case PLAIN -> List.of(new NewFile(nextNumber(dir, VERSIONED_FILE, stamp) + "_" + name + ".sql",
                    body + commented(back)));
        };
    }

    private static String commented(String rollback) {
        if (rollback == null) return "";
        StringBuilder out = new StringBuilder("\n-- rollback (this format has no down migrations; run by hand if needed):\n");
        for (String line : rollback.split("\n")) out.append("-- ").append(line).append('\n');
        return out.toString();
    }

    /** Timestamps when the folder uses them (or is empty), else the next major version. */
    private static String nextFlywayVersion(Path dir, String stamp) {
        List<List<BigInteger>> versions = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            for (Path file : list(dir, dir.toString())) {
                Matcher m = FLYWAY_FILE.matcher(file.getFileName().toString());
                if (m.matches() && m.group(1).equals("V")) versions.add(flywayVersion(m.group(2)));
            }
        }
        if (versions.isEmpty()) return stamp;
        List<BigInteger> max = versions.stream().max(MigrationFormat::compareVersions).orElseThrow();
        if (max.size() == 1 && max.get(0).toString().length() >= 12) return stamp;
        return max.get(0).add(BigInteger.ONE).toString();
    }

    /** For numbered files: the next number, as wide as the widest one there; a timestamp when they use them. */
    private static String nextNumber(Path dir, Pattern pattern, String stamp) {
        BigInteger max = null;
        int width = 0;
        if (Files.isDirectory(dir)) {
            for (Path file : list(dir, dir.toString())) {
                Matcher m = pattern.matcher(file.getFileName().toString());
                if (!m.matches()) continue;
                BigInteger v = new BigInteger(m.group(1));
                width = Math.max(width, m.group(1).length());
                if (max == null || v.compareTo(max) > 0) max = v;
            }
        }
        if (max == null || max.toString().length() >= 12) return stamp;
        String next = max.add(BigInteger.ONE).toString();
        return "0".repeat(Math.max(0, width - next.length())) + next;
    }

    private static List<NewFile> drizzle(Path dir, String name, Instant now, String body, String back) {
        Path journalPath = dir.resolve("meta/_journal.json");
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode journal;
        try {
            journal = Files.isRegularFile(journalPath) ? (ObjectNode) mapper.readTree(Files.readString(journalPath))
                    : mapper.createObjectNode().put("version", "7").put("dialect", "postgresql");
        } catch (IOException | ClassCastException e) {
            throw AutomigrateException.badInput(dir.resolve("meta/_journal.json") + ": not valid JSON");
        }
        ArrayNode entries = journal.has("entries") ? (ArrayNode) journal.get("entries") : journal.putArray("entries");
        int idx = 0;
        for (JsonNode e : entries) idx = Math.max(idx, e.path("idx").asInt() + 1);
        String tag = String.format(Locale.ROOT, "%04d_%s", idx, name);
        entries.addObject().put("idx", idx).put("version", journal.path("version").asText("7"))
                .put("when", now.toEpochMilli()).put("tag", tag).put("breakpoints", true);
        String sql = String.join("\n" + DRIZZLE_BREAK + "\n",
                StatementShapes.of(body, 1, tag + ".sql").stream().map(StatementShapes.Shape::sql).toList()) + "\n";
        String journalText;
        try {
            journalText = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(journal) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return List.of(new NewFile(tag + ".sql", sql + commented(back)), new NewFile("meta/_journal.json", journalText));
    }

}
