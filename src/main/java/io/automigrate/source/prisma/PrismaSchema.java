package io.automigrate.source.prisma;

import io.automigrate.AutomigrateException;
import io.automigrate.TextFiles;

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

    /** Whether {@code path} names a Prisma schema: a {@code .prisma} file, or a folder holding one. */
    public static boolean isPrisma(Path path) {
        if (Files.isDirectory(path)) return !files(path, path.toString()).isEmpty();
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

    /** The DDL of one schema text: for tests and for a schema that is not a file. */
    public static PrismaMapping.Result fromText(String shown, String text) {
        return PrismaMapping.map(PrismaParser.parse(shown, text));
    }

    private static List<Path> files(Path dir, String shown) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".prisma"))
                    .sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw AutomigrateException.badInput("cannot read directory " + shown + ": " + e.getMessage());
        }
    }
}
