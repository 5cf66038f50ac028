package io.automigrate.migrate;

import io.automigrate.AutomigrateException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The migrations directory, read and checked, in the order its tool applies it; no changeset id used twice.
 * {@code root} is the repository root; paths are shown and recorded by Liquibase relative to it. In
 * {@link MigrationFormat#LIQUIBASE} the files are named {@code YYYYMMDDHHMMSS_<name>.sql}, each a formatted-SQL file;
 * in another tool's format each migration is one {@link MigrationFile} named by its path inside the folder (e.g.
 * {@code 20240101000000_init/migration.sql}) holding one changeset whose id is the migration's name, which
 * {@link LiquibaseRunner} turns into formatted SQL in memory. This is the one place where the folder's format is
 * read: every command reaches the history through here.
 */
public record MigrationHistory(Path root, String directory, MigrationFormat format, List<MigrationFile> files,
                               List<MigrationFormat.Migration> migrations, String checksum) {
    public MigrationHistory {
        files = List.copyOf(files);
        migrations = List.copyOf(migrations);
        format = format == null ? MigrationFormat.LIQUIBASE : format;
        if (format != MigrationFormat.LIQUIBASE && migrations.size() != files.size()) {
            throw new IllegalArgumentException("each migration of a " + format.id() + " folder is one file");
        }
    }

    /** A history of formatted-SQL files. */
    public MigrationHistory(Path root, String directory, List<MigrationFile> files, String checksum) {
        this(root, directory, MigrationFormat.LIQUIBASE, files, List.of(), checksum);
    }

    /**
     * Reads {@code directory} (relative to {@code root}) in {@code format}. A missing directory is an error unless
     * allowed.
     */
    /** A folder of Liquibase formatted-SQL files (commands read the configured format: see the overload). */
    public static MigrationHistory read(Path root, String directory, boolean missingIsEmpty) {
        return read(root, directory, MigrationFormat.LIQUIBASE, missingIsEmpty);
    }

    public static MigrationHistory read(Path root, String directory, MigrationFormat format, boolean missingIsEmpty) {
        Path dir = root.resolve(directory);
        if (!Files.isDirectory(dir)) {
            if (missingIsEmpty && !Files.exists(dir)) {
                return new MigrationHistory(root, directory, format, List.of(), List.of(),
                        checksumOf(List.of(format.id())));
            }
            throw AutomigrateException.badInput(directory + ": migrations directory not found: create it (mkdir -p "
                    + directory + ") or set 'migrations' in automigrate.yml");
        }
        if (format != MigrationFormat.LIQUIBASE) return readForeign(root, directory, dir, format);
        List<Path> paths;
        try (Stream<Path> listing = Files.list(dir)) {
            paths = listing.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw AutomigrateException.badInput(directory + ": cannot list: " + e.getMessage());
        }
        List<MigrationFile> files = new ArrayList<>();
        // Liquibase records each changeset under its file's path: the same files in another folder are another history.
        List<String> texts = new ArrayList<>(List.of(directory.replaceAll("/+$", "")));
        Map<String, String> seen = new HashMap<>();
        for (Path path : paths) {
            String name = path.getFileName().toString();
            String shown = directory.replaceAll("/+$", "") + "/" + name;
            if (!MigrationNames.FILE_NAME.matcher(name).matches()) {
                MigrationFormat looks = MigrationFormat.sniff(dir);
                throw AutomigrateException.badInput(shown + ": migration files are named YYYYMMDDHHMMSS_<name>.sql "
                        + "(UTC timestamp, lower snake case name), e.g. 20261122153000_add_orders_table.sql: rename it"
                        + (looks == null || looks == MigrationFormat.LIQUIBASE ? "" : "; or, as the folder looks like "
                        + looks.id() + " (" + looks.describe() + "), keep it and set 'migrations: {dir: "
                        + directory.replaceAll("/+$", "") + ", format: " + looks.id() + "}' in automigrate.yml"));
            }
            String text = io.automigrate.TextFiles.readUtf8(path, shown);
            MigrationFile file = FormattedSql.read(name, shown, text);
            for (Changeset c : file.changesets()) {
                String key = c.author() + ":" + c.id();
                String previous = seen.putIfAbsent(key, shown);
                if (previous != null) {
                    throw AutomigrateException.badInputAt(new AutomigrateException.Location(shown, c.line(), 0),
                            "changeset id '" + key
                            + "' is already used in " + previous + ": changeset ids must be unique in the history");
                }
            }
            files.add(file);
            texts.add(name + "\n" + text);
        }
        return new MigrationHistory(root, directory, files, checksumOf(texts));
    }

    private static MigrationHistory readForeign(Path root, String directory, Path dir, MigrationFormat format) {
        List<MigrationFile> files = new ArrayList<>();
        List<MigrationFormat.Migration> migrations = format.read(dir, directory);
        // The format is part of the key: the same SQL as changesets of another author is another history.
        List<String> texts = new ArrayList<>(List.of(format.id(), directory.replaceAll("/+$", "")));
        Map<String, String> seen = new HashMap<>();
        for (MigrationFormat.Migration m : migrations) {
            String shown = directory.replaceAll("/+$", "") + "/" + m.path();
            String previous = seen.putIfAbsent(m.id(), shown);
            if (previous != null) {
                throw AutomigrateException.badInput(shown + ": migration '" + m.id() + "' is already used by "
                        + previous + ": give each migration its own name");
            }
            files.add(new MigrationFile(m.path(), List.of(format.changeset(m))));
            texts.add(m.path() + "\n" + m.sql() + "\n" + (m.rollback() == null ? "" : m.rollback()));
        }
        return new MigrationHistory(root, directory, format, files, migrations, checksumOf(texts));
    }

    /**
     * This history with only {@code kept} of its files (in their order), keyed by {@code checksum}; the format stays,
     * so the subset runs as the whole does.
     */
    public MigrationHistory withFiles(List<MigrationFile> kept, String checksum) {
        if (format == MigrationFormat.LIQUIBASE) return new MigrationHistory(root, directory, kept, checksum);
        java.util.Set<String> names = new java.util.HashSet<>();
        kept.forEach(f -> names.add(f.fileName()));
        List<MigrationFormat.Migration> keptMigrations = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (names.contains(files.get(i).fileName())) keptMigrations.add(migrations.get(i));
        }
        return new MigrationHistory(root, directory, format, kept, keptMigrations, checksum);
    }

    /**
     * This history in the order a database that applied {@code appliedPaths} (paths as {@link #pathOf} gives them)
     * has it: Flyway runs repeatable migrations after the versioned ones of each run, so one applied before a newer
     * versioned migration stands, for that database, before it (and is not "skipped over"). Other formats are kept.
     */
    public MigrationHistory settled(java.util.Set<String> appliedPaths) {
        if (format != MigrationFormat.FLYWAY) return this;
        int lastApplied = -1;
        for (int i = 0; i < files.size(); i++) {
            if (!format.runsOnChange(files.get(i).fileName()) && appliedPaths.contains(pathOf(files.get(i)))) {
                lastApplied = i;
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i <= lastApplied; i++) order.add(i);
        for (int i = lastApplied + 1; i < files.size(); i++) {
            if (format.runsOnChange(files.get(i).fileName()) && appliedPaths.contains(pathOf(files.get(i)))) {
                order.add(i);
            }
        }
        for (int i = lastApplied + 1; i < files.size(); i++) {
            if (!order.contains(i)) order.add(i);
        }
        if (order.equals(java.util.stream.IntStream.range(0, files.size()).boxed().toList())) return this;
        return new MigrationHistory(root, directory, format, order.stream().map(files::get).toList(),
                order.stream().map(migrations::get).toList(), checksum + ":" + order);
    }

    /**
     * The migrations of this history named in {@code fileNames}, in order (those applied somewhere). Only for a
     * folder in another tool's format, where each file is one changeset: formatted-SQL files can be applied in part.
     */
    public MigrationHistory only(java.util.Set<String> fileNames) {
        if (format == MigrationFormat.LIQUIBASE) throw new IllegalStateException("formatted SQL: copy the changesets");
        List<MigrationFile> kept = new ArrayList<>();
        List<MigrationFormat.Migration> keptMigrations = new ArrayList<>();
        List<String> texts = new ArrayList<>(List.of(format.id(), directory, checksum));
        for (int i = 0; i < files.size(); i++) {
            if (!fileNames.contains(files.get(i).fileName())) continue;
            kept.add(files.get(i));
            keptMigrations.add(migrations.get(i));
            texts.add(files.get(i).fileName());
        }
        return new MigrationHistory(root, directory, format, kept, keptMigrations, checksumOf(texts));
    }

    /** The first {@code count} migrations of this history (those another tool recorded as applied, for adoption). */
    public MigrationHistory first(int count) {
        List<String> texts = new ArrayList<>(List.of(format.id(), directory, String.valueOf(count), checksum));
        return new MigrationHistory(root, directory, format, files.subList(0, count),
                migrations.isEmpty() ? migrations : migrations.subList(0, count), checksumOf(texts));
    }

    /** Relative path of a file as Liquibase records it in DATABASECHANGELOG. */
    public String pathOf(MigrationFile file) {
        return directory.replaceAll("/+$", "") + "/" + file.fileName();
    }

    public List<String> fileNames() {
        return files.stream().map(MigrationFile::fileName).toList();
    }

    private static String checksumOf(List<String> texts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String text : texts) {
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
