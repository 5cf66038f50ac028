package io.automigrate.source;

import io.automigrate.TextFiles;

import java.nio.file.Path;

/** A SQL file of a schema source; {@code displayName} is its path as the user wrote it, used in every message. */
public record SqlFile(String displayName, Path path) {

    /** The file's text: UTF-8 only; missing, unreadable or non-UTF-8 files are exit 2 naming the file. */
    public String read() {
        return TextFiles.readUtf8(path, displayName);
    }
}
