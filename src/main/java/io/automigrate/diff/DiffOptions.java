package io.automigrate.diff;

/** {@code withPrivileges}: compare GRANTs too (off by default: roles differ between environments). */
public record DiffOptions(boolean withPrivileges, RenameHints renames) {
    public static DiffOptions defaults() {
        return new DiffOptions(false, RenameHints.none());
    }
}
