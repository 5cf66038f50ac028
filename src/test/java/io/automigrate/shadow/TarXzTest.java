package io.automigrate.shadow;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one tar-in-xz unpacker: the system's xz and the Java decoder give the same tree; what is unsafe fails. */
class TarXzTest {
    @TempDir
    Path work;

    /** A tar in xz of: bin/tool (0755), share/a.txt (0644), lib/libx.so.1 and a link lib/libx.so to it, plus extra. */
    private static byte[] archive(String extraLink) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZOutputStream(bytes, new LZMA2Options(0)))) {
            dir(tar, "bin/");
            file(tar, "bin/tool", 0755, "#!/bin/sh\n");
            file(tar, "share/a.txt", 0644, "x".repeat(100_000));   // longer than one pipe's buffer
            file(tar, "lib/libx.so.1", 0644, "elf");
            link(tar, "lib/libx.so", "libx.so.1");
            if (extraLink != null) link(tar, "lib/evil", extraLink);
        }
        return bytes.toByteArray();
    }

    private static void dir(TarArchiveOutputStream tar, String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(040755);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, int mode, String text) throws IOException {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(0100000 | mode);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static void link(TarArchiveOutputStream tar, String name, String to) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
        entry.setLinkName(to);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    /** Every path below {@code root}: its mode (rwx, owner only expected), a link's target, a file's size. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> !p.equals(root)).toList()) {
                String what = Files.isSymbolicLink(p) ? "-> " + Files.readSymbolicLink(p)
                        : PosixFilePermissions.toString(Files.getPosixFilePermissions(p))
                        + (Files.isRegularFile(p) ? " " + Files.size(p) : "/");
                tree.put(root.relativize(p).toString(), what);
            }
        }
        return tree;
    }

    private static Path xz() {
        for (String folder : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(folder, "xz");
            if (Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }

    @Test
    void theSystemsXzAndTheJavaDecoderGiveTheSameTree() throws Exception {
        byte[] archive = archive(null);
        Path java = Files.createDirectory(work.resolve("java"));
        Path tool = Files.createDirectory(work.resolve("tool"));
        TarXz.unpack(new ByteArrayInputStream(archive), java, true, null);
        Path xz = xz();
        assertNotNull(xz, "this test needs xz on the PATH, as the action's image has it");
        TarXz.unpack(new ByteArrayInputStream(archive), tool, true, xz);
        Map<String, String> expected = new TreeMap<>(Map.of("bin", "rwx------/", "bin/tool", "rwx------ 10",
                "share", "rwx------/", "share/a.txt", "rw------- 100000", "lib", "rwx------/",
                "lib/libx.so.1", "rw------- 3", "lib/libx.so", "-> libx.so.1"));
        assertEquals(expected, tree(java));
        assertEquals(expected, tree(tool));
    }

    @Test
    void aLinkOutOfTheFolderAndAFailingXzAreErrors() throws Exception {
        Path target = Files.createDirectory(work.resolve("t"));
        IOException outside = assertThrows(IOException.class,
                () -> TarXz.unpack(new ByteArrayInputStream(archive("../../etc/passwd")), target, true, null));
        assertTrue(outside.getMessage().contains("lib/evil"), outside.getMessage());
        Path other = Files.createDirectory(work.resolve("u"));
        assertThrows(IOException.class, () -> TarXz.unpack(new ByteArrayInputStream(archive(null)), other, false, null),
                "links where none are expected (the seed)");
        Path third = Files.createDirectory(work.resolve("v"));
        IOException failed = assertThrows(IOException.class,
                () -> TarXz.unpack(new ByteArrayInputStream(archive(null)), third, true, Path.of("/bin/false")));
        assertTrue(failed.getMessage().contains("exited with 1") || failed.getMessage().contains("false"),
                failed.getMessage());
    }
}
