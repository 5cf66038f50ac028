package io.automigrate.source.prisma;

import io.automigrate.AutomigrateException;
import io.automigrate.TextFiles;
import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.ConstraintKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.source.SqlFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Prisma schema as automigrate's desired schema: a {@code .prisma} file, or a folder of them (Prisma's
 * multi-file schemas), read in Java without Node or Prisma's engines and turned into the DDL Prisma Migrate would
 * run for it ({@link PrismaMapping}).
 */
public final class PrismaSchema {
    private PrismaSchema() {
    }

    /**
     * Whether {@code path} names a Prisma schema: a {@code .prisma} file, or a folder of them with no .sql file
     * outside a {@code migrations} folder (Prisma keeps its migrations beside the schema: {@code prisma/migrations}).
     */
    public static boolean isPrisma(Path path) {
        if (Files.isDirectory(path)) {
            if (files(path, path.toString()).isEmpty()) return false;
            try (Stream<Path> walk = Files.walk(path)) {
                return walk.filter(p -> p.getFileName().toString().endsWith(".sql"))
                        .allMatch(p -> inMigrations(path.relativize(p)));
            } catch (IOException | java.io.UncheckedIOException e) {
                return false;
            }
        }
        return path.getFileName() != null && path.getFileName().toString().endsWith(".prisma");
    }

    /** The DDL of the schema at {@code path}; {@code shown} is the path as the user wrote it. */
    public static PrismaMapping.Result load(Path path, String shown) {
        List<PrismaSyntax.Block> blocks = new ArrayList<>();
        if (Files.isDirectory(path)) {
            List<Path> files = files(path, shown);
            if (files.isEmpty()) throw AutomigrateException.badInput(shown + ": the folder holds no .prisma file");
            String prefix = shown.endsWith("/") ? shown : shown + "/";
            for (Path file : files) {
                String name = prefix + path.relativize(file).toString().replace('\\', '/');
                blocks.addAll(PrismaParser.parse(name, TextFiles.readUtf8(file, name)));
            }
        } else {
            blocks.addAll(PrismaParser.parse(shown, TextFiles.readUtf8(path, shown)));
        }
        return PrismaMapping.map(blocks);
    }

    /**
     * A {@link #load loaded} schema as a SQL file that loads like any schema file: the mapped DDL, written to a
     * temporary file (removed at exit) and shown as {@code <shown> (mapped to SQL)} in every message about it.
     */
    public static SqlFile toSqlFile(PrismaMapping.Result result, String shown) {
        try {
            Path file = Files.createTempFile("automigrate-prisma", ".sql");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-- " + shown + ", as Prisma Migrate creates it\n" + result.sql());
            return new SqlFile(shown + " (mapped to SQL)", file);
        } catch (IOException e) {
            throw AutomigrateException.badInput("cannot write a temporary file for " + shown + ": " + e.getMessage());
        }
    }

    /**
     * Whether a Prisma schema can express the object {@code ref} names in {@code current} (the catalog it would be
     * dropped from): tables, columns, enums, sequences of serial columns, primary, unique and foreign keys, and
     * indexes on plain columns are Prisma's; functions, triggers, views, policies, domains, composite types, check
     * and exclusion constraints, partial and expression indexes and free-standing sequences are not, and neither
     * are extensions when the schema lists none.
     */
    public static boolean models(ObjectRef ref, Catalog current, boolean listsExtensions) {
        return switch (ref.kind()) {
            case ROUTINE, TRIGGER, VIEW, POLICY -> false;
            case EXTENSION -> listsExtensions;
            case TYPE -> current.enums().stream().anyMatch(e -> e.qualifiedName().equals(ref.qualifiedName()));
            case SEQUENCE -> current.sequences().stream()
                    .anyMatch(s -> s.qualifiedName().equals(ref.qualifiedName()) && s.ownedBy() != null);
            case CONSTRAINT -> current.tables().stream()
                    .filter(t -> t.qualifiedName().equals(ref.qualifiedName()))
                    .flatMap(t -> t.constraints().stream())
                    .filter(c -> c.name().equals(ref.member()))
                    .noneMatch(c -> c.kind() == ConstraintKind.CHECK || c.kind() == ConstraintKind.EXCLUSION);
            case INDEX -> current.indexes().stream()
                    .filter(i -> i.qualifiedName().equals(ref.qualifiedName()))
                    .allMatch(i -> PLAIN_INDEX.matcher(i.definition()).matches());
            default -> true;
        };
    }

    /** An index Prisma can declare: a method and a list of plain (optionally quoted) columns, each with options. */
    private static final java.util.regex.Pattern PLAIN_INDEX = java.util.regex.Pattern.compile(
            "CREATE (UNIQUE )?INDEX \\S+ ON (ONLY )?\\S+ USING \\w+ \\("
                    + "(\"[^\"]+\"|[a-z_][a-z0-9_$]*)( [a-z_][a-z0-9_]*)*( DESC)?( NULLS (FIRST|LAST))?"
                    + "(, (\"[^\"]+\"|[a-z_][a-z0-9_$]*)( [a-z_][a-z0-9_]*)*( DESC)?( NULLS (FIRST|LAST))?)*\\)");

    /** The DDL of one schema text: for tests and for a schema that is not a file. */
    public static PrismaMapping.Result fromText(String shown, String text) {
        return PrismaMapping.map(PrismaParser.parse(shown, text));
    }

    private static boolean inMigrations(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals("migrations")) return true;
        }
        return false;
    }

    /**
     * Every {@code .prisma} file below {@code dir}, sub-folders included, as Prisma reads a schema folder; the order
     * (of relative paths) only decides which of two clashing declarations an error names first.
     */
    private static List<Path> files(Path dir, String shown) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".prisma")
                            && !inMigrations(dir.relativize(p)))
                    .sorted(java.util.Comparator.comparing(p -> dir.relativize(p).toString().replace('\\', '/')))
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw AutomigrateException.badInput("cannot read directory " + shown + ": " + e.getMessage());
        }
    }
}
