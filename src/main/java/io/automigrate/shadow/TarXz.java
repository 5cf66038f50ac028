package io.automigrate.shadow;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Unpacks a tar in xz (the form of the seed's cluster and of PostgreSQL's binaries in the embedded library's
 * artifacts) with the libraries the embedded library already brings (commons-compress, xz).
 */
final class TarXz {
    private TarXz() {
    }

    /**
     * Unpacks {@code xz} into {@code target} (an existing, empty folder), each file and folder with the owner's bits
     * of its entry's mode only ({@code 0700} mask: nothing for group or others); symbolic links only when
     * {@code links}, and only to a relative path that stays inside {@code target}. Anything else fails. Decompressed
     * by the system's {@code xz} where there is one on the PATH (the action's image has it), else in Java.
     */
    static void unpack(InputStream xz, Path target, boolean links) throws IOException {
        unpack(xz, target, links, XZ_TOOL);
    }

    /** The {@code xz} program on the PATH, or null. */
    private static final Path XZ_TOOL = findOnPath("xz");

    private static Path findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (folder.isEmpty()) continue;
            Path candidate = Path.of(folder, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }

    /**
     * As {@link #unpack(InputStream, Path, boolean)}, decompressed by the program {@code tool} ({@code xz -dc}) or,
     * when null, in Java. Measured in the action's image: the program takes about half the CPU time of the Java
     * decoder (which runs C1-compiled there) for PostgreSQL's 57 MB, and runs beside the thread that writes the files.
     */
    static void unpack(InputStream xz, Path target, boolean links, Path tool) throws IOException {
        if (tool == null) {
            untar(new XZInputStream(new BufferedInputStream(xz, 1 << 16)), target, links);
            return;
        }
        Process process = new ProcessBuilder(tool.toString(), "-dc").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread feeder = new Thread(() -> {
            try (java.io.OutputStream in = process.getOutputStream()) {
                xz.transferTo(in);
            } catch (IOException e) {
                // xz stopped reading: its exit code says why
            }
        }, "xz-input");
        feeder.setDaemon(true);
        feeder.start();
        try (InputStream out = process.getInputStream()) {
            untar(out, target, links);
            out.transferTo(java.io.OutputStream.nullOutputStream());   // the tar's padding: xz must not die of SIGPIPE
            int exit = process.waitFor();
            if (exit != 0) throw new IOException(tool + " -dc exited with " + exit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unpacking", e);
        } finally {
            process.destroyForcibly();
        }
    }

    /** The tar of {@code tar} (not closed) into {@code target}: see {@link #unpack(InputStream, Path, boolean)}. */
    private static void untar(InputStream input, Path target, boolean links) throws IOException {
        // asked once: the file store's lookup reads the mount table, which cost half a second over a thousand files
        boolean posix = Files.getFileStore(target).supportsFileAttributeView("posix");
        TarArchiveInputStream tar = new TarArchiveInputStream(input);
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
            Path path = target.resolve(entry.getName()).normalize();
            if (!path.startsWith(target) || path.equals(target) && !entry.isDirectory()) {
                throw new IOException("entry outside the folder: " + entry.getName());
            }
            // links first: commons-compress counts a link as a file too
            if (entry.isSymbolicLink() || entry.isLink()) {
                Path link = Path.of(entry.getLinkName());
                if (!links || !entry.isSymbolicLink() || link.isAbsolute()
                        || !path.getParent().resolve(link).normalize().startsWith(target)) {
                    throw new IOException("unexpected link " + entry.getName() + " -> " + link);
                }
                parents(path, posix);
                Files.createSymbolicLink(path, link);
                continue;   // a link's mode is its target's
            } else if (entry.isDirectory()) {
                parents(path, posix);
                if (!Files.isDirectory(path)) Files.createDirectory(path);
            } else if (entry.isFile()) {
                parents(path, posix);
                Files.copy(tar, path);
            } else {
                throw new IOException("unexpected entry " + entry.getName());
            }
            if (posix) setMode(path, entry.getMode() & 0700);
        }
    }

    /** The folders above {@code path} that do not exist yet, owner-only like the entries' (an archive may omit them). */
    private static void parents(Path path, boolean posix) throws IOException {
        java.util.ArrayDeque<Path> missing = new java.util.ArrayDeque<>();
        for (Path p = path.getParent(); p != null && !Files.isDirectory(p); p = p.getParent()) missing.push(p);
        for (Path p : missing) {
            Files.createDirectory(p);
            if (posix) setMode(p, 0700);
        }
    }

    static void setMode(Path path, int mode) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        if ((mode & 0400) != 0) permissions.add(PosixFilePermission.OWNER_READ);
        if ((mode & 0200) != 0) permissions.add(PosixFilePermission.OWNER_WRITE);
        if ((mode & 0100) != 0) permissions.add(PosixFilePermission.OWNER_EXECUTE);
        Files.setPosixFilePermissions(path, permissions);
    }
}
