package io.automigrate.diff;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Column;
import io.automigrate.catalog.Constraint;
import io.automigrate.catalog.ConstraintKind;
import io.automigrate.catalog.Dependency;
import io.automigrate.catalog.Extension;
import io.automigrate.catalog.Index;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.catalog.Sequence;
import io.automigrate.catalog.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A catalog's dependencies as the diff engine uses them: those read from {@code pg_depend}, plus those the catalog
 * records state directly (a constraint on its columns, a foreign key on the referenced table and key, an index on
 * its table, a partition on its parent, a default on the sequence it draws from), which makes ordering independent of
 * how completely dependencies were read. Sequence ownership (a sequence "depending" on its column) is left out: it
 * does not mean the sequence must be re-created with the column, and {@link TableChanges.AlterSequenceOwner} orders it.
 */
final class DependencyGraph {
    private static final Pattern NEXTVAL = Pattern.compile("nextval\\('((?:[^']|'')+)'::regclass\\)");

    private DependencyGraph() {
    }

    static List<Dependency> of(Catalog catalog) {
        Set<Dependency> all = new TreeSet<>();
        for (Dependency d : catalog.dependencies()) {
            if (!isOwnership(d)) {
                all.add(d);
            }
        }
        for (Table table : catalog.tables()) {
            addTable(catalog, table, all);
        }
        for (Index index : catalog.indexes()) {
            ObjectKind on = catalog.view(index.table()).isPresent() ? ObjectKind.VIEW : ObjectKind.TABLE;
            all.add(new Dependency(index.ref(), ObjectRef.of(on, index.table())));
            if (index.attachedTo() != null) {
                // pg_depend records it as a partition dependency ('P'), which the inspector does not read
                all.add(new Dependency(index.ref(), ObjectRef.of(ObjectKind.INDEX, index.attachedTo())));
            }
        }
        for (Extension extension : catalog.extensions()) {
            if (extension.schema() != null) {
                all.add(new Dependency(extension.ref(), ObjectRef.schema(extension.schema())));
            }
        }
        return new ArrayList<>(all);
    }

    private static boolean isOwnership(Dependency d) {
        return d.dependent().kind() == ObjectKind.SEQUENCE
                && (d.referenced().kind() == ObjectKind.COLUMN || d.referenced().kind() == ObjectKind.TABLE);
    }

    private static void addTable(Catalog catalog, Table table, Set<Dependency> all) {
        QualifiedName name = table.qualifiedName();
        if (table.partitionOf() != null) {
            all.add(new Dependency(table.ref(), ObjectRef.of(ObjectKind.TABLE, table.partitionOf())));
        }
        for (QualifiedName parent : table.inherits()) {
            all.add(new Dependency(table.ref(), ObjectRef.of(ObjectKind.TABLE, parent)));
        }
        for (Column column : table.columns()) {
            sequenceOfDefault(catalog, table, column.defaultExpr()).ifPresent(seq ->
                    all.add(new Dependency(TableChanges.column(name, column.name()), seq.ref())));
        }
        for (Constraint constraint : table.constraints()) {
            ObjectRef ref = TableChanges.constraint(name, constraint.name());
            for (String column : constraint.columns()) {
                all.add(new Dependency(ref, TableChanges.column(name, column)));
            }
            if (constraint.kind() == ConstraintKind.FOREIGN_KEY && constraint.referencedTable() != null) {
                all.add(new Dependency(ref, ObjectRef.of(ObjectKind.TABLE, constraint.referencedTable())));
                for (ObjectRef key : referencedKeys(catalog, constraint)) {
                    all.add(new Dependency(ref, key));
                }
            }
        }
    }

    /** The referenced table's primary or unique key the foreign key uses (every candidate when unsure). */
    private static List<ObjectRef> referencedKeys(Catalog catalog, Constraint foreignKey) {
        Optional<Table> referenced = catalog.table(foreignKey.referencedTable());
        if (referenced.isEmpty()) {
            return List.of();
        }
        List<String> columns = referencedColumns(foreignKey.definition());
        List<ObjectRef> exact = new ArrayList<>();
        List<ObjectRef> any = new ArrayList<>();
        for (Constraint key : referenced.get().constraints()) {
            if (key.kind() == ConstraintKind.PRIMARY_KEY || key.kind() == ConstraintKind.UNIQUE) {
                ObjectRef ref = TableChanges.constraint(foreignKey.referencedTable(), key.name());
                any.add(ref);
                if (columns != null && new HashSet<>(key.columns()).equals(new HashSet<>(columns))) {
                    exact.add(ref);
                }
            }
        }
        if (!exact.isEmpty()) {
            return exact;
        }
        for (Index index : catalog.indexes()) {
            if (index.unique() && index.table().equals(foreignKey.referencedTable())) {
                any.add(index.ref());
            }
        }
        return any;
    }

    /** The column list after REFERENCES in a foreign key's definition, or null when it cannot be read. */
    static List<String> referencedColumns(String definition) {
        int at = definition.indexOf(" REFERENCES ");
        if (at < 0) {
            return null;
        }
        List<String> parts = identifiers(definition.substring(at + " REFERENCES ".length()), '(', ')', ',');
        return parts.isEmpty() ? null : parts;
    }

    /** The sequence a {@code nextval('...'::regclass)} default draws from, when it is in the catalog. */
    static Optional<Sequence> sequenceOfDefault(Catalog catalog, Table table, String defaultExpr) {
        if (defaultExpr == null) {
            return Optional.empty();
        }
        Matcher m = NEXTVAL.matcher(defaultExpr);
        if (!m.find()) {
            return Optional.empty();
        }
        List<String> name = identifiers(m.group(1).replace("''", "'") + "\u0000", '\0', '\u0000', '.');
        if (name.size() == 2) {
            return catalog.sequence(new QualifiedName(name.get(0), name.get(1)));
        }
        if (name.size() == 1) {
            Optional<Sequence> local = catalog.sequence(new QualifiedName(table.schema(), name.get(0)));
            return local.isPresent() ? local : catalog.sequence(new QualifiedName("public", name.get(0)));
        }
        return Optional.empty();
    }

    /**
     * Identifiers separated by {@code separator} between {@code open} (or the start, when open is NUL) and the
     * first unquoted {@code close}, unquoted and with quoted ones taken as written.
     */
    private static List<String> identifiers(String text, char open, char close, char separator) {
        int i = open == '\0' ? 0 : indexOfUnquoted(text, open);
        if (i < 0) {
            return List.of();
        }
        if (open != '\0') {
            i++;
        }
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == separator || c == close) {
                parts.add(wasQuoted ? current.toString() : current.toString().trim().toLowerCase());
                current.setLength(0);
                wasQuoted = false;
                if (c == close) {
                    return parts;
                }
            } else if (!Character.isWhitespace(c) || !wasQuoted) {
                current.append(c);
            }
        }
        return List.of();
    }

    private static int indexOfUnquoted(String text, char wanted) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == wanted) {
                return i;
            }
        }
        return -1;
    }
}
