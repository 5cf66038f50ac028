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
     * {@code links}, and only to a relative path that stays inside {@code target}. Anything else fails.
     */
    static void unpack(InputStream xz, Path target, boolean links) throws IOException {
        // asked once: the file store's lookup reads the mount table, which cost half a second over a thousand files
        boolean posix = Files.getFileStore(target).supportsFileAttributeView("posix");
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(xz, 1 << 16)))) {
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
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, link);
                    continue;   // a link's mode is its target's
                } else if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isFile()) {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                } else {
                    throw new IOException("unexpected entry " + entry.getName());
                }
                if (posix) setMode(path, entry.getMode() & 0700);
            }
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
