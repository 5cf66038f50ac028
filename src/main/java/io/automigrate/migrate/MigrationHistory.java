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
 * The migrations directory, read and checked: files named {@code YYYYMMDDHHMMSS_<name>.sql} in name order, each
 * a formatted-SQL file, no changeset id used twice. {@code root} is the repository root; paths are shown and
 * recorded by Liquibase relative to it.
 */
public record MigrationHistory(Path root, String directory, List<MigrationFile> files, String checksum) {
    public MigrationHistory {
        files = List.copyOf(files);
    }

    /** Reads {@code directory} (relative to {@code root}). A missing directory is an error unless allowed. */
    public static MigrationHistory read(Path root, String directory, boolean missingIsEmpty) {
        Path dir = root.resolve(directory);
        if (!Files.isDirectory(dir)) {
            if (missingIsEmpty && !Files.exists(dir)) {
                return new MigrationHistory(root, directory, List.of(), checksumOf(List.of()));
            }
            throw AutomigrateException.badInput(directory + ": migrations directory not found: create it (mkdir -p "
                    + directory + ") or set 'migrations' in automigrate.yml");
        }
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
                throw AutomigrateException.badInput(shown + ": migration files are named YYYYMMDDHHMMSS_<name>.sql "
                        + "(UTC timestamp, lower snake case name), e.g. 20261122153000_add_orders_table.sql: rename it");
            }
            String text = io.automigrate.TextFiles.readUtf8(path, shown);
            MigrationFile file = FormattedSql.read(name, shown, text);
            for (Changeset c : file.changesets()) {
                String key = c.author() + ":" + c.id();
                String previous = seen.putIfAbsent(key, shown);
                if (previous != null) {
                    throw AutomigrateException.badInput(shown + ":" + c.line() + ": changeset id '" + key
                            + "' is already used in " + previous + ": changeset ids must be unique in the history");
                }
            }
            files.add(file);
            texts.add(name + "\n" + text);
        }
        return new MigrationHistory(root, directory, files, checksumOf(texts));
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
