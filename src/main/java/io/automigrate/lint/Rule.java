package io.automigrate.lint;

import io.automigrate.catalog.ObjectRef;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalogue of findings: one entry per code, with its title, default severity, why it matters and the safe way.
 * Reports, {@code docs/lint.md} and the policy read this one table, so they always say the same thing.
 * AM1xx destructive, AM2xx backward-incompatible for running code, AM3xx data-dependent (may fail on existing rows),
 * AM4xx locking and rewrites, AM5xx transaction shape.
 */
public enum Rule {
    AM101("table dropped", Severity.ERROR,
            "Every row of the table is deleted, and code that still reads or writes the table fails.",
            "Stop using the table in the application and deploy, take a backup, then drop it in a later migration "
                    + "and allow AM101 for that migration."),
    AM102("column dropped", Severity.ERROR,
            "The column's values are deleted, and running code that selects or inserts the column fails.",
            "Remove every use of the column from the application and deploy first; if it was meant as a rename, add "
                    + "'-- automigrate:renamed-from <old name>' on the new column's line instead."),
    AM103("schema dropped", Severity.ERROR,
            "Everything in the schema is deleted with it.",
            "Move or drop its objects in separate, reviewed migrations first."),
    AM104("enum value removed or type narrowed", Severity.ERROR,
            "Values that no longer fit (a removed enum label, a longer string, a bigger number) make the migration "
                    + "fail or are cut, and running code that writes them breaks.",
            "Check that every value fits (for example SELECT ... WHERE length(col) > n), update the rows in a migration "
                    + "of their own, stop writing such values, then narrow."),
    AM105("view dropped while other objects use it", Severity.ERROR,
            "Views, functions or rules built on the dropped view are dropped with it or stop working, and queries "
                    + "that use them fail.",
            "Drop or rewrite the dependants explicitly first, in their own reviewed change, then drop the view."),
    AM106("sequence dropped", Severity.ERROR,
            "The sequence's current value is lost; defaults that call nextval() on it and code that uses it fail.",
            "Remove every default and use of the sequence first; keep its last value (SELECT last_value) if ids "
                    + "must not be reused."),
    AM107("type dropped", Severity.WARNING,
            "Columns, functions and casts that use the type must go first, and code that names the type fails.",
            "Convert the columns that use it in a migration of their own, deploy, then drop the type."),
    AM108("truncate", Severity.ERROR,
            "TRUNCATE deletes every row of the table at once, takes an ACCESS EXCLUSIVE lock, and cannot be "
                    + "undone by the migration's rollback.",
            "Delete data in a reviewed data migration with a WHERE clause and a backup; allow AM108 only for "
                    + "tables that hold no data worth keeping."),
    AM109("materialized view dropped", Severity.WARNING,
            "Its stored rows are deleted; queries that read it fail until it exists again and is refreshed.",
            "Make sure nothing reads the materialized view any more, then drop it."),

    AM201("table renamed", Severity.WARNING,
            "Code that is already running uses the old name and fails from the moment the migration commits "
                    + "until the new code is deployed.",
            "Expand and contract: create a view with the old name over the renamed table (or deploy code that "
                    + "accepts both names) first, rename, deploy, then drop the view."),
    AM202("column renamed", Severity.WARNING,
            "Running code that selects or writes the old column name fails between the migration and the deploy.",
            "Expand and contract: add the new column, write both, backfill, switch reads, then drop the old column "
                    + "in a later migration."),
    AM203("column type changed", Severity.WARNING,
            "Running code reads and writes values of the old type: comparisons, parameters and ORM mappings can "
                    + "break or change meaning.",
            "Add a new column of the new type, write both, backfill, switch reads, then drop the old column."),
    AM204("NOT NULL column without default", Severity.WARNING,
            "Adding it fails when the table has rows, and inserts of code already running, which does not know "
                    + "the column, fail once it exists.",
            "Add the column nullable (or with a default), deploy code that writes it, backfill, then SET NOT NULL "
                    + "through a validated check."),
    AM205("default dropped", Severity.WARNING,
            "Inserts that leave the column out relied on the default: they now store NULL, or fail when the "
                    + "column is NOT NULL.",
            "Deploy code that always writes the column first, then drop the default."),
    AM206("primary key changed", Severity.WARNING,
            "Code, foreign keys and replication that identify rows by the old key break; building the new key "
                    + "checks and locks the whole table.",
            "Add a unique index on the new key columns concurrently, move foreign keys and code to it, then swap "
                    + "the primary key with ADD PRIMARY KEY USING INDEX."),
    AM207("possible rename", Severity.INFO,
            "A column or table is dropped and another of the same shape added: as written, its data is deleted "
                    + "instead of kept under the new name.",
            "If it is a rename, add the hint line shown to the schema file so that automigrate renames instead."),

    AM301("new unique constraint or index", Severity.WARNING,
            "Existing rows may hold duplicates: then the migration fails half-way through the deploy.",
            "Look for duplicates first (SELECT cols, count(*) ... GROUP BY cols HAVING count(*) > 1) and fix them; "
                    + "with --inspect-url automigrate counts them for you."),
    AM302("SET NOT NULL on an existing column", Severity.WARNING,
            "Existing rows may hold NULL: then the migration fails.",
            "Backfill the NULLs first; with --inspect-url automigrate counts them. Add a CHECK (col IS NOT NULL) "
                    + "NOT VALID, VALIDATE it, then SET NOT NULL."),
    AM303("new foreign key", Severity.WARNING,
            "Existing rows may point at rows that do not exist: then the migration fails.",
            "Delete or fix orphan rows first; with --inspect-url automigrate counts them. Add the key NOT VALID and "
                    + "VALIDATE it in a later changeset."),
    AM304("new check constraint", Severity.WARNING,
            "Existing rows may break the condition: then the migration fails.",
            "Look for rows that break it (SELECT ... WHERE NOT (condition)) and fix them; add the check NOT VALID "
                    + "and VALIDATE it in a later changeset."),
    AM305("new exclusion constraint", Severity.WARNING,
            "Existing rows may overlap: then the migration fails; building it locks the table against writes.",
            "Look for overlapping rows first and fix them; build it when the table is quiet."),
    AM306("type change needing a cast", Severity.WARNING,
            "The values are converted with an explicit cast (USING): values that do not convert make the "
                    + "migration fail, and the whole table is rewritten.",
            "Check that every value converts (try the cast in a SELECT), or migrate through a new column."),

    AM401("index built without CONCURRENTLY", Severity.WARNING,
            "CREATE INDEX blocks every write to the table (SHARE lock) until the index is built, which on a large "
                    + "table takes minutes.",
            "CREATE INDEX CONCURRENTLY in a changeset of its own with runInTransaction:false."),
    AM402("index dropped without CONCURRENTLY", Severity.WARNING,
            "DROP INDEX takes an ACCESS EXCLUSIVE lock on the table: reads and writes queue behind it and behind "
                    + "any long query it waits for.",
            "DROP INDEX CONCURRENTLY in a changeset of its own with runInTransaction:false."),
    AM403("foreign key without NOT VALID", Severity.WARNING,
            "Adding a validated foreign key scans the whole table while blocking writes to it and to the "
                    + "referenced table.",
            "ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT in a later changeset (it takes a weaker lock)."),
    AM404("check constraint without NOT VALID", Severity.WARNING,
            "Adding a validated check scans the whole table under an ACCESS EXCLUSIVE lock.",
            "ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT in a later changeset."),
    AM405("SET NOT NULL without a validated check", Severity.WARNING,
            "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock to prove there is no NULL.",
            "Add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it in a later changeset, then SET NOT NULL (PostgreSQL "
                    + "12+ skips the scan) and drop the check."),
    AM406("type change rewrites the table", Severity.WARNING,
            "The table and its indexes are rewritten under an ACCESS EXCLUSIVE lock: nothing reads or writes it "
                    + "for the whole rewrite.",
            "Add a new column, backfill it in batches, switch over, drop the old one; or run it in a maintenance "
                    + "window. Widening varchar, or varchar to text, does not rewrite."),
    AM407("collation changed", Severity.WARNING,
            "Indexes on the column are rebuilt under an ACCESS EXCLUSIVE lock, and the sort order that queries "
                    + "and unique constraints see changes.",
            "Build new indexes with the new collation concurrently, or change it in a maintenance window."),
    AM408("volatile default rewrites the table", Severity.WARNING,
            "A column added with a volatile default (random(), clock_timestamp(), gen_random_uuid(), a sequence), "
                    + "an identity or a stored generated expression rewrites the whole table under an ACCESS "
                    + "EXCLUSIVE lock.",
            "Add the column without a default (or with a constant one), set the default afterwards, and backfill "
                    + "existing rows in batches."),
    AM409("primary key or unique without a prebuilt index", Severity.WARNING,
            "The index behind the constraint is built while the table is locked against writes.",
            "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... PRIMARY KEY | UNIQUE USING INDEX."),
    AM410("trigger added to an existing table", Severity.INFO,
            "Creating the trigger takes a SHARE ROW EXCLUSIVE lock, and from then on every write runs it: code "
                    + "already running changes behaviour.",
            "Keep the trigger function fast and safe for existing writers; create it when the table is quiet."),
    AM411("SET LOGGED or SET UNLOGGED", Severity.WARNING,
            "The whole table is rewritten under an ACCESS EXCLUSIVE lock; an unlogged table is emptied after a "
                    + "crash and is not replicated.",
            "Avoid switching large tables; if needed, copy into a new table and swap in a maintenance window."),
    AM412("REFRESH MATERIALIZED VIEW without CONCURRENTLY", Severity.WARNING,
            "The refresh blocks every read of the materialized view until it finishes.",
            "REFRESH MATERIALIZED VIEW CONCURRENTLY (needs a unique index on the view) in a changeset with "
                    + "runInTransaction:false."),
    AM413("table re-created, its rows copied", Severity.WARNING,
            "PostgreSQL cannot make a table partitioned, stop it being partitioned or change its partition key in "
                    + "place, nor make an inherited column declared by the table itself or not, nor move a column "
                    + "(with column-order: rewrite, a table whose columns would otherwise stay in another order than "
                    + "the schema declares is re-created): the migration copies every row into a holding table, drops the table, creates it in "
                    + "its new shape and copies the rows back, with its indexes, views, policies, triggers and "
                    + "foreign keys made again. Every row moves twice under an ACCESS EXCLUSIVE lock; a row that "
                    + "fits no new partition makes the migration fail.",
            "Run it in a maintenance window; or, to make a large table partitioned, rename it, create the "
                    + "partitioned table under the old name and attach the old table as one partition (a CHECK "
                    + "constraint matching its bound, validated first, spares the scan), then move rows in batches."),

    AM501("non-transactional statement mixed with others", Severity.WARNING,
            "A changeset with runInTransaction:false that also holds ordinary statements is not atomic: when one "
                    + "fails, those before it stay applied and the changeset cannot simply run again.",
            "Give each non-transactional statement (CREATE INDEX CONCURRENTLY, ...) a changeset of its own; an "
                    + "idempotent cleanup such as DROP INDEX CONCURRENTLY IF EXISTS, and session settings such as SET "
                    + "lock_timeout, may stay with it."),
    AM502("non-transactional statement inside a transaction", Severity.ERROR,
            "PostgreSQL refuses CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, VACUUM and the like inside a "
                    + "transaction block: the migration fails.",
            "Move the statement to a changeset of its own marked runInTransaction:false.");

    private final String title;
    private final Severity severity;
    private final String why;
    private final String safer;

    Rule(String title, Severity severity, String why, String safer) {
        this.title = title;
        this.severity = severity;
        this.why = why;
        this.safer = safer;
    }

    public String code() {
        return name();
    }

    public String title() {
        return title;
    }

    public Severity severity() {
        return severity;
    }

    public String why() {
        return why;
    }

    public String safer() {
        return safer;
    }

    /** The heading anchor of this code in {@code docs/lint.md}. */
    public String anchor() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Rule> byCode(String code) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(code)).findFirst();
    }

    /** A finding of this rule with its default severity; {@code detail} says what exactly (may be empty). */
    public Finding finding(ObjectRef target, String statement, String detail) {
        return new Finding(code(), severity, title, target, statement, 0, why, safer, null, detail, null, null);
    }
}
