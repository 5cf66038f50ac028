package io.automigrate.lint;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Column;
import io.automigrate.catalog.Constraint;
import io.automigrate.catalog.ConstraintKind;
import io.automigrate.catalog.Index;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.catalog.Table;
import io.automigrate.diff.Change;
import io.automigrate.diff.ChangeAction;
import io.automigrate.diff.TableChanges;
import io.automigrate.diff.TriggerChanges;
import io.automigrate.sqltext.Sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AM2xx (backward-incompatible), AM3xx (data-dependent) and AM4xx (locking) findings of typed changes. A change only
 * risks rows, locks or running code when its table existed before the migration: the same change on a table the
 * migration creates is silent. Whether the safe form was used (CONCURRENTLY, NOT VALID, USING INDEX) is read from
 * the change's statements.
 */
final class ChangeRules {
    private static final Pattern VOLATILE = Pattern.compile("(?i)\\b(random|clock_timestamp|timeofday|gen_random_uuid"
            + "|uuid_generate_v[1-4]|uuidv[47]|nextval|statement_timestamp|txid_current|setseed)\\s*\\(");
    private static final Pattern MODIFIERS = Pattern.compile("\\(\\s*\\d+(\\s*,\\s*-?\\d+)?\\s*\\)");
    private static final Pattern LENGTH = Pattern.compile("(character varying|bit varying|numeric)\\((\\d+)(?:,(\\d+))?\\)");
    private static final Pattern REFERENCES = Pattern.compile("REFERENCES\\s+(.+?)\\(([^)]*)\\)");
    private static final Pattern SIMPLE_INDEX_COLUMNS = Pattern.compile("USING \\w+ \\(([^()]*)\\)(?:\\s|$)");
    private static final Pattern POSSIBLE_RENAME = Pattern.compile("possible rename of (.+) to (.+?): add \"(.+?)\"");

    private ChangeRules() {
    }

    static List<Finding> check(LintSubject subject) {
        List<Finding> findings = new ArrayList<>();
        for (LintSubject.ChangeSql c : subject.changes()) {
            Change change = c.change();
            ObjectRef target = change.target();
            String sql = c.firstStatement();
            if (change instanceof TableChanges.RenameTable rename) {
                findings.add(Rule.AM201.finding(target, sql, "From " + rename.from() + "."));
            } else if (change instanceof TableChanges.RenameColumn rename
                    && subject.existedBefore(rename.table())) {
                findings.add(Rule.AM202.finding(target, sql, "From " + rename.from() + "."));
            } else if (change instanceof TableChanges.AlterColumnType type && subject.existedBefore(type.table())) {
                typeChange(type, c, findings);
            } else if (change instanceof TableChanges.CreateColumn add
                    && subject.existedBefore(add.table())) {
                addedColumn(add, c, findings);
            } else if (change instanceof TableChanges.AlterColumnDefault def && def.before() != null
                    && def.after() == null && subject.existedBefore(def.table())
                    && subject.after().table(def.table()).flatMap(t -> t.column(def.column())).isPresent()) {
                findings.add(Rule.AM205.finding(target, sql, "It was DEFAULT " + def.before() + "."));
            } else if (change instanceof TableChanges.AlterColumnNotNull notNull && notNull.notNull()
                    && columnExisted(subject, notNull.table(), notNull.column())) {
                setNotNull(subject, notNull, c, findings);
            } else if (change instanceof TableChanges.CreateConstraint add
                    && subject.existedBefore(add.table())) {
                addedConstraint(subject, add.table(), add.constraint(), c, findings);
            } else if (change instanceof TableChanges.AlterConstraintValidation validation && validation.validated()
                    && !provesNotNullSetLater(subject, validation)) {
                dataCheck(validation.table(), validation.constraint(), target, sql, findings);
            } else if (change instanceof TableChanges.CreateIndex index && subject.existedBefore(index.index().table())) {
                index(subject, index, index.index(), c, findings);
            } else if (change instanceof TableChanges.DropIndex index && subject.existedBefore(index.index().table())
                    // an attached index goes with its parent index or table: no statement of its own
                    && index.index().attachedTo() == null) {
                index(subject, index, index.index(), c, findings);
            } else if (change instanceof TriggerChanges.CreateTrigger trigger
                    && subject.existedBefore(trigger.trigger().tableName())
                    && subject.baseline().triggers().stream().noneMatch(t -> t.ref().equals(target))) {
                findings.add(Rule.AM410.finding(target, sql, "").withProbe(Probe.size(trigger.trigger().tableName())));
            } else if (change instanceof TableChanges.RecreateTableRows copy && !copy.save()) {
                QualifiedName table = copy.table().qualifiedName();
                findings.add(Rule.AM413.finding(copy.table().ref(), sql, table + " is dropped and created again"
                        + (copy.table().partitioned() ? ", partitioned by " + copy.table().partitionKey() : "")
                        + "; its rows are copied.").withProbe(Probe.size(subject.oldName(table))));
            } else if (change instanceof TableChanges.AlterTableLogged logged && subject.existedBefore(logged.table())) {
                findings.add(Rule.AM411.finding(target, sql, logged.unloggedAfter() ? "SET UNLOGGED." : "SET LOGGED.")
                        .withProbe(Probe.size(logged.table())));
            }
        }
        findings.addAll(primaryKeys(subject));
        findings.addAll(renameSuggestions(subject));
        return findings;
    }

    private static void typeChange(TableChanges.AlterColumnType type, LintSubject.ChangeSql c, List<Finding> findings) {
        ObjectRef target = type.target();
        String sql = c.firstStatement();
        Probe size = Probe.size(type.table());
        String what = "From " + type.typeBefore() + " to " + type.typeAfter() + ".";
        boolean narrowing = DestructiveRules.narrower(type.typeBefore(), type.typeAfter());
        if (!type.typeBefore().equals(type.typeAfter())) {
            if (!narrowing && !base(type.typeBefore()).equals(base(type.typeAfter()))
                    && !(isString(type.typeBefore()) && isString(type.typeAfter()))) {
                findings.add(Rule.AM203.finding(target, sql, what));
            }
            if (c.has("USING")) {
                findings.add(Rule.AM306.finding(target, sql, what).withProbe(size));
            }
            if (rewrites(type.typeBefore(), type.typeAfter())) {
                findings.add(Rule.AM406.finding(target, sql, what).withProbe(size));
            }
        }
        if (!Objects.equals(type.collationBefore(), type.collationAfter())) {
            findings.add(Rule.AM407.finding(target, sql, "From " + orDefault(type.collationBefore()) + " to "
                    + orDefault(type.collationAfter()) + ".").withProbe(size));
        }
    }

    private static void addedColumn(TableChanges.CreateColumn add, LintSubject.ChangeSql c, List<Finding> findings) {
        Column column = add.column();
        ObjectRef target = add.target();
        if (column.notNull() && column.defaultExpr() == null && column.identity() == null
                && column.generatedExpr() == null) {
            findings.add(Rule.AM204.finding(target, c.firstStatement(), "")
                    .withProbe(Probe.of(Probe.Kind.ANY_ROW, add.table(), List.of())));
        }
        String why = column.identity() != null ? "An identity column."
                : column.generatedExpr() != null ? "A stored generated column: " + column.generatedExpr() + "."
                : column.defaultExpr() != null && VOLATILE.matcher(column.defaultExpr()).find()
                ? "DEFAULT " + column.defaultExpr() + "." : null;
        if (why != null) {
            findings.add(Rule.AM408.finding(target, c.firstStatement(), why).withProbe(Probe.size(add.table())));
        }
    }

    private static void setNotNull(LintSubject subject, TableChanges.AlterColumnNotNull notNull, LintSubject.ChangeSql c,
                                   List<Finding> findings) {
        if (hasNotNullCheck(subject.before(), notNull.table(), notNull.column())) {
            return;
        }
        ObjectRef target = notNull.target();
        findings.add(Rule.AM302.finding(target, c.firstStatement(), "")
                .withProbe(Probe.of(Probe.Kind.NULLS, notNull.table(), List.of(notNull.column()))));
        if (!c.has("VALIDATE CONSTRAINT") && !validatesNotNullCheck(subject, notNull)) {
            findings.add(Rule.AM405.finding(target, c.firstStatement(), "").withProbe(Probe.size(notNull.table())));
        }
    }

    /** The online form validates a {@code CHECK (col IS NOT NULL)} in a changeset of its own before SET NOT NULL. */
    private static boolean validatesNotNullCheck(LintSubject subject, TableChanges.AlterColumnNotNull notNull) {
        return subject.changes().stream().map(LintSubject.ChangeSql::change)
                .anyMatch(x -> x instanceof TableChanges.AlterConstraintValidation v && v.validated()
                        && v.table().equals(notNull.table()) && isNotNullCheck(v.constraint(), notNull.column()));
    }

    private static void addedConstraint(LintSubject subject, QualifiedName table, Constraint constraint,
                                        LintSubject.ChangeSql c, List<Finding> findings) {
        ObjectRef target = c.change().target();
        String sql = c.firstStatement();
        boolean notValid = !constraint.validated() || c.has("NOT VALID");
        ConstraintKind kind = constraint.kind();
        if (kind == ConstraintKind.PRIMARY_KEY || kind == ConstraintKind.UNIQUE) {
            if (!c.has("USING INDEX")) {
                findings.add(Rule.AM301.finding(target, sql, "On (" + String.join(", ", constraint.columns()) + ").")
                        .withProbe(Probe.of(Probe.Kind.DUPLICATES, table, constraint.columns())));
                findings.add(Rule.AM409.finding(target, sql, "").withProbe(Probe.size(table)));
            }
        } else if (kind == ConstraintKind.EXCLUSION) {
            findings.add(Rule.AM305.finding(target, sql, constraint.definition()).withProbe(Probe.size(table)));
        } else if (kind == ConstraintKind.FOREIGN_KEY || kind == ConstraintKind.CHECK) {
            if (constraint.validated()) {
                dataCheck(table, constraint, target, sql, findings);
            }
            if (!notValid) {
                Rule rule = kind == ConstraintKind.FOREIGN_KEY ? Rule.AM403 : Rule.AM404;
                findings.add(rule.finding(target, sql, "").withProbe(Probe.size(table)));
            }
        }
    }

    /** AM303/AM304: a foreign key or check that existing rows must satisfy (when added valid, or validated). */
    private static void dataCheck(QualifiedName table, Constraint constraint, ObjectRef target, String sql,
                                  List<Finding> findings) {
        if (constraint.kind() == ConstraintKind.FOREIGN_KEY) {
            findings.add(Rule.AM303.finding(target, sql, constraint.definition()).withProbe(orphans(table, constraint)));
        } else if (constraint.kind() == ConstraintKind.CHECK) {
            findings.add(Rule.AM304.finding(target, sql, constraint.definition()).withProbe(Probe.size(table)));
        }
    }

    private static void index(LintSubject subject, Change change, Index index, LintSubject.ChangeSql c,
                              List<Finding> findings) {
        ObjectRef target = change.target();
        String sql = c.firstStatement();
        Probe size = Probe.size(index.table());
        if (change.action() == ChangeAction.CREATE) {
            if (index.unique() && subject.baseline().index(index.qualifiedName()).isEmpty()) {
                findings.add(Rule.AM301.finding(target, sql, index.definition())
                        .withProbe(indexColumns(index).map(cols -> Probe.of(Probe.Kind.DUPLICATES, index.table(), cols))
                                .orElse(size)));
            }
            if (!c.has("CONCURRENTLY")) {
                findings.add(Rule.AM401.finding(target, sql, "").withProbe(size));
            }
        } else if (change.action() == ChangeAction.DROP && !c.has("CONCURRENTLY")
                && (subject.after().table(index.table()).isPresent() || subject.after().view(index.table()).isPresent())) {
            findings.add(Rule.AM402.finding(target, sql, "").withProbe(size));
        }
    }

    /** AM206: the primary key of a table that keeps existing now covers other columns, or is gone. */
    private static List<Finding> primaryKeys(LintSubject subject) {
        List<Finding> findings = new ArrayList<>();
        for (Table after : subject.after().tables()) {
            Optional<Table> before = subject.before().table(subject.oldName(after.qualifiedName()));
            if (before.isEmpty()) continue;
            Optional<Constraint> old = primaryKey(before.get());
            Optional<Constraint> now = primaryKey(after);
            if (old.isPresent() && (now.isEmpty() || !now.get().columns().equals(old.get().columns()))) {
                ObjectRef ref = now.map(k -> ObjectRef.member(ObjectKind.CONSTRAINT, after.qualifiedName(), k.name()))
                        .orElse(ObjectRef.member(ObjectKind.CONSTRAINT, after.qualifiedName(), old.get().name()));
                LintSubject.ChangeSql change = DestructiveRules.changeOf(subject, ref);
                findings.add(Rule.AM206.finding(ref, change == null ? "" : change.firstStatement(),
                        "From (" + String.join(", ", old.get().columns()) + ") to "
                                + now.map(k -> "(" + String.join(", ", k.columns()) + ").").orElse("no primary key.")));
            }
        }
        return findings;
    }

    static boolean isRenameSuggestion(String note) {
        return POSSIBLE_RENAME.matcher(note).find();
    }

    /** AM207 from the diff's notes: each carries the exact hint line that makes the drop and add a rename. */
    private static List<Finding> renameSuggestions(LintSubject subject) {
        List<Finding> findings = new ArrayList<>();
        for (String note : subject.notes()) {
            Matcher m = POSSIBLE_RENAME.matcher(note);
            if (!m.find()) continue;
            String old = m.group(1);
            LintSubject.ChangeSql dropped = subject.changes().stream()
                    .filter(c -> c.change().action() == ChangeAction.DROP && droppedName(c.change()).equals(old))
                    .findFirst().orElse(null);
            ObjectRef target = dropped != null ? dropped.change().target() : ObjectRef.of(ObjectKind.TABLE,
                    new QualifiedName("", old));
            findings.add(Rule.AM207.finding(target, dropped == null ? "" : dropped.firstStatement(),
                    "Hint line for " + m.group(2) + ": " + m.group(3)));
        }
        return findings;
    }

    private static String droppedName(Change change) {
        if (change instanceof TableChanges.DropColumn column) return column.table() + "." + column.column().name();
        if (change instanceof TableChanges.DropTable table) return table.table().qualifiedName().toString();
        return "";
    }

    private static Optional<Constraint> primaryKey(Table table) {
        return table.constraints().stream().filter(k -> k.kind() == ConstraintKind.PRIMARY_KEY).findFirst();
    }

    private static boolean columnExisted(LintSubject subject, QualifiedName table, String column) {
        return subject.baseline().table(subject.oldName(table)).flatMap(t -> t.column(column)).isPresent();
    }

    /** A validated {@code CHECK (col IS NOT NULL)}: PostgreSQL 12+ then sets NOT NULL without scanning. */
    static boolean hasNotNullCheck(Catalog catalog, QualifiedName table, String column) {
        return catalog.table(table).stream().flatMap(t -> t.constraints().stream())
                .anyMatch(k -> k.validated() && isNotNullCheck(k, column));
    }

    private static boolean isNotNullCheck(Constraint constraint, String column) {
        return constraint.kind() == ConstraintKind.CHECK && Pattern.compile("CHECK \\(+" + Pattern.quote(Sql.ident(column))
                + " IS NOT NULL\\)+").matcher(constraint.definition()).matches();
    }

    /** A not-null check validated on the way to SET NOT NULL in the same migration: AM302 reports its rows. */
    private static boolean provesNotNullSetLater(LintSubject subject, TableChanges.AlterConstraintValidation validation) {
        return subject.changes().stream().anyMatch(o -> o.change() instanceof TableChanges.AlterColumnNotNull n
                && n.notNull() && n.table().equals(validation.table())
                && isNotNullCheck(validation.constraint(), n.column()));
    }

    static Probe orphans(QualifiedName table, Constraint constraint) {
        Matcher m = REFERENCES.matcher(constraint.definition());
        if (constraint.referencedTable() == null || !m.find()) return Probe.size(table);
        return new Probe(Probe.Kind.ORPHANS, table, constraint.columns(), constraint.referencedTable(),
                identifiers(m.group(2)));
    }

    /** The plain columns of an index such as {@code ... USING btree (a, b)}; empty for expressions. */
    private static Optional<List<String>> indexColumns(Index index) {
        Matcher m = SIMPLE_INDEX_COLUMNS.matcher(index.definition());
        if (!m.find() || index.definition().contains(" WHERE ")) return Optional.empty();
        List<String> columns = identifiers(m.group(1));
        return columns.stream().allMatch(c -> c.matches("[^ ]+|\".*\"")) ? Optional.of(columns) : Optional.empty();
    }

    /** {@code a, "B c"} as printed by PostgreSQL → the stored names. */
    private static List<String> identifiers(String list) {
        return Arrays.stream(list.split(",")).map(String::strip)
                .map(s -> s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).replace("\"\"", "\"") : s)
                .toList();
    }

    private static String base(String type) {
        return MODIFIERS.matcher(type).replaceAll("").strip();
    }

    private static boolean isString(String type) {
        String b = base(type);
        return b.equals("text") || b.equals("character varying");
    }

    /**
     * Whether PostgreSQL rewrites the table for this type change. It does not when the new type is binary coercible
     * and at least as wide: varchar to text, a longer or unlimited varchar, numeric with more precision and the
     * same scale, cidr to inet.
     */
    static boolean rewrites(String before, String after) {
        if (before.equals(after)) return false;
        if (isString(before) && (after.equals("text") || after.equals("character varying"))) return false;
        if (before.equals("cidr") && after.equals("inet")) return false;
        Matcher b = LENGTH.matcher(before);
        Matcher a = LENGTH.matcher(after);
        if (b.matches() && a.matches() && b.group(1).equals(a.group(1))) {
            boolean sameScale = Objects.equals(b.group(3), a.group(3));
            return !(sameScale && Integer.parseInt(a.group(2)) >= Integer.parseInt(b.group(2)));
        }
        if (b.matches() && after.equals(b.group(1))) return false;
        return true;
    }

    private static String orDefault(String collation) {
        return collation == null ? "the default collation" : collation;
    }
}
