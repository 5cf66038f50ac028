package io.automigrate.diff;

/**
 * {@code withPrivileges}: compare GRANTs too (off by default: roles differ between environments).
 * {@code rewriteColumnOrder}: re-create, with its rows, a table whose columns the migration would otherwise leave in
 * another order than the schema declares (off by default: the difference is only noted; see {@link TableObjects}).
 */
public record DiffOptions(boolean withPrivileges, RenameHints renames, boolean rewriteColumnOrder) {
    public DiffOptions(boolean withPrivileges, RenameHints renames) {
        this(withPrivileges, renames, false);
    }

    public static DiffOptions defaults() {
        return new DiffOptions(false, RenameHints.none());
    }

    /** These options, re-creating misordered tables or not. */
    public DiffOptions rewritingColumnOrder(boolean rewrite) {
        return new DiffOptions(withPrivileges, renames, rewrite);
    }
}
