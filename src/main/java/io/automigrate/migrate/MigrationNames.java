package io.automigrate.migrate;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Index;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.diff.Change;
import io.automigrate.diff.ChangeAction;
import io.automigrate.diff.SchemaDiff;

import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names of generated migrations (DESIGN.md): one table added → {@code add_<table>_table}; one table dropped →
 * {@code drop_<table>_table}; one column added → {@code add_<table>_<column>}; one column changed →
 * {@code modify_<table>_<column>}; one index added → {@code add_<index>_index}; anything larger →
 * {@code auto_schema_update_<timestamp>}. Lower snake case, ASCII, at most 63 characters, unique in the directory.
 */
public final class MigrationNames {
    public static final int MAX_LENGTH = 63;
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    public static final Pattern FILE_NAME = Pattern.compile("(\\d{14})_([a-z0-9_]+)\\.sql");

    private MigrationNames() {
    }

    public static String suggest(SchemaDiff diff, Catalog from, Catalog to, Instant now) {
        List<Change> changes = withoutRecreatedDependants(diff.changes());
        String fallback = "auto_schema_update_" + TIMESTAMP.format(now);
        List<QualifiedName> owners = changes.stream().map(c -> owningTable(c.target(), from, to).orElse(null)).toList();
        boolean oneTable = !owners.isEmpty() && owners.stream().allMatch(Objects::nonNull)
                && owners.stream().distinct().count() == 1;
        if (oneTable) {
            QualifiedName table = owners.get(0);
            ObjectRef tableRef = ObjectRef.of(ObjectKind.TABLE, table);
            if (has(changes, tableRef, ChangeAction.CREATE)) return sanitize("add_" + table.name() + "_table");
            if (has(changes, tableRef, ChangeAction.DROP)) return sanitize("drop_" + table.name() + "_table");
        }
        if (changes.size() == 1) {
            Change only = changes.get(0);
            ObjectRef t = only.target();
            if (t.kind() == ObjectKind.COLUMN && only.action() == ChangeAction.CREATE) {
                return sanitize("add_" + t.name() + "_" + t.member());
            }
            if (t.kind() == ObjectKind.INDEX && only.action() == ChangeAction.CREATE) {
                return sanitize("add_" + t.name() + "_index");
            }
        }
        boolean oneColumnChanged = !changes.isEmpty() && changes.stream().allMatch(c -> c.target().kind() == ObjectKind.COLUMN
                && c.action() == ChangeAction.ALTER) && changes.stream().map(Change::target).distinct().count() == 1;
        if (oneColumnChanged) {
            ObjectRef t = changes.get(0).target();
            return sanitize("modify_" + t.name() + "_" + t.member());
        }
        return fallback;
    }

    /**
     * A view, index, trigger or policy that is dropped and created again only goes out of the way of the real
     * change (a column retyped under a view): it does not make the migration "larger".
     */
    private static List<Change> withoutRecreatedDependants(List<Change> changes) {
        List<Change> kept = changes.stream().filter(c -> !(recreatable(c.target().kind())
                && has(changes, c.target(), ChangeAction.DROP) && has(changes, c.target(), ChangeAction.CREATE))).toList();
        return kept.isEmpty() ? changes : kept;
    }

    private static boolean recreatable(ObjectKind kind) {
        return kind == ObjectKind.VIEW || kind == ObjectKind.INDEX || kind == ObjectKind.TRIGGER
                || kind == ObjectKind.RULE || kind == ObjectKind.POLICY;
    }

    private static boolean has(List<Change> changes, ObjectRef target, ChangeAction action) {
        return changes.stream().anyMatch(c -> c.target().equals(target) && c.action() == action);
    }

    /** The table a change's target belongs to, if it belongs to one. */
    private static Optional<QualifiedName> owningTable(ObjectRef ref, Catalog from, Catalog to) {
        return switch (ref.kind()) {
            case TABLE, COLUMN, CONSTRAINT, TRIGGER, RULE, POLICY -> Optional.of(ref.qualifiedName())
                    .filter(n -> to.table(n).isPresent() || from.table(n).isPresent());
            case INDEX -> to.index(ref.qualifiedName()).or(() -> from.index(ref.qualifiedName())).map(Index::table);
            // a serial column's sequence belongs to its table: "add Comment" is one table added, not a larger change
            case SEQUENCE -> to.sequence(ref.qualifiedName()).or(() -> from.sequence(ref.qualifiedName()))
                    .map(io.automigrate.catalog.Sequence::ownedBy).filter(Objects::nonNull)
                    .map(ObjectRef::qualifiedName);
            default -> Optional.empty();
        };
    }

    /** Lower snake case ASCII, at most {@value #MAX_LENGTH} characters; never empty. */
    public static String sanitize(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String snake = ascii.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (snake.isEmpty()) {
            snake = "migration";
        }
        return snake.length() > MAX_LENGTH ? snake.substring(0, MAX_LENGTH).replaceAll("_+$", "") : snake;
    }

    /** {@code name}, or {@code name_2}, {@code name_3}... so that no existing migration file has the same name. */
    public static String unique(String name, Collection<String> existingFileNames) {
        Set<String> taken = existingFileNames.stream()
                .map(FILE_NAME::matcher).filter(java.util.regex.Matcher::matches)
                .map(m -> m.group(2)).collect(java.util.stream.Collectors.toSet());
        if (!taken.contains(name)) return name;
        for (int n = 2; ; n++) {
            String suffix = "_" + n;
            String base = name.length() + suffix.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH - suffix.length()) : name;
            if (!taken.contains(base + suffix)) return base + suffix;
        }
    }

    /**
     * The timestamp for a new migration: now, or one second after the newest file of the history when that one is
     * later (a clock ahead, a hand-picked name): a new migration must sort last, or replays would run it too early.
     */
    public static Instant nextTimestamp(Instant now, Collection<String> existingFileNames) {
        Instant newest = existingFileNames.stream().map(FILE_NAME::matcher).filter(java.util.regex.Matcher::matches)
                .map(m -> java.time.LocalDateTime.parse(m.group(1), DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                        .toInstant(ZoneOffset.UTC))
                .max(Instant::compareTo).orElse(Instant.MIN);
        return now.isAfter(newest) ? now : newest.plusSeconds(1);
    }

    public static String fileName(Instant timestamp, String name) {
        return TIMESTAMP.format(timestamp) + "_" + name + ".sql";
    }
}
