package io.automigrate.lint;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@code docs/lint.md}, written from the catalogue ({@link Rule}) so that the page and the reports say the same
 * thing; each code gets an example of the risky migration and of the safe way. A test keeps the file in step:
 * regenerate it with {@code java -cp target/classes io.automigrate.lint.LintDocs > docs/lint.md}.
 */
public final class LintDocs {
    private static final Map<Rule, String[]> EXAMPLES = new EnumMap<>(Rule.class);

    static {
        example(Rule.AM101, "DROP TABLE legacy_sessions;",
                "-- automigrate:allow AM101 sessions moved to redis in v3, backup taken\nDROP TABLE legacy_sessions;");
        example(Rule.AM102, "ALTER TABLE users DROP COLUMN nickname;",
                "-- after the deploy that stopped reading it:\n-- automigrate:allow AM102 nickname unused since v2.4\n"
                        + "ALTER TABLE users DROP COLUMN nickname;");
        example(Rule.AM103, "DROP SCHEMA reporting CASCADE;",
                "-- each object dropped in its own reviewed migration, then:\n"
                        + "-- automigrate:allow AM103 empty since 2026-10\nDROP SCHEMA reporting;");
        example(Rule.AM104, "ALTER TABLE users ALTER COLUMN email TYPE varchar(50);",
                "-- SELECT count(*) FROM users WHERE length(email) > 50;  -- 0 rows\n"
                        + "ALTER TABLE users ALTER COLUMN email TYPE varchar(50);");
        example(Rule.AM105, "DROP VIEW active_users CASCADE;  -- also drops views built on it",
                "DROP VIEW active_user_emails;  -- the dependant first, reviewed\nDROP VIEW active_users;");
        example(Rule.AM106, "DROP SEQUENCE invoice_numbers;",
                "ALTER TABLE invoices ALTER COLUMN number DROP DEFAULT;\n"
                        + "-- automigrate:allow AM106 numbers now come from the billing service\n"
                        + "DROP SEQUENCE invoice_numbers;");
        example(Rule.AM107, "DROP TYPE mood;",
                "-- a migration converts the columns first; then, after the deploy:\nDROP TYPE mood;");
        example(Rule.AM108, "TRUNCATE audit_log;", "DELETE FROM audit_log WHERE created_at < now() - interval '1 year';");
        example(Rule.AM109, "DROP MATERIALIZED VIEW daily_stats;",
                "-- nothing reads daily_stats any more (checked pg_stat_user_tables), then:\n"
                        + "DROP MATERIALIZED VIEW daily_stats;");
        example(Rule.AM201, "ALTER TABLE users RENAME TO accounts;",
                "ALTER TABLE users RENAME TO accounts;\nCREATE VIEW users AS SELECT * FROM accounts;  -- old name keeps "
                        + "working\n-- a later migration drops the view once no code uses it");
        example(Rule.AM202, "ALTER TABLE users RENAME COLUMN name TO full_name;",
                "ALTER TABLE users ADD COLUMN full_name text;  -- write both, backfill, switch reads\n"
                        + "-- a later migration drops name");
        example(Rule.AM203, "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);",
                "ALTER TABLE orders ADD COLUMN total_exact numeric(12,2);  -- write both, backfill, switch");
        example(Rule.AM204, "ALTER TABLE users ADD COLUMN plan text NOT NULL;",
                "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';");
        example(Rule.AM205, "ALTER TABLE users ALTER COLUMN region DROP DEFAULT;",
                "-- after the deploy that always writes region:\nALTER TABLE users ALTER COLUMN region DROP DEFAULT;");
        example(Rule.AM206, "ALTER TABLE users DROP CONSTRAINT users_pkey;\nALTER TABLE users ADD PRIMARY KEY (uuid);",
                "CREATE UNIQUE INDEX CONCURRENTLY users_uuid_key ON users (uuid);\n-- move foreign keys, then:\n"
                        + "ALTER TABLE users DROP CONSTRAINT users_pkey,\n"
                        + "    ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_uuid_key;");
        example(Rule.AM207, "-- schema.sql: name text  →  full_name text\n"
                        + "ALTER TABLE users DROP COLUMN name;\nALTER TABLE users ADD COLUMN full_name text;",
                "-- schema.sql:\n--     full_name text, -- automigrate:renamed-from name\n"
                        + "ALTER TABLE users RENAME COLUMN name TO full_name;");
        example(Rule.AM301, "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);",
                "-- SELECT email, count(*) FROM users GROUP BY email HAVING count(*) > 1;  -- none\n"
                        + "CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\n"
                        + "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;");
        example(Rule.AM302, "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
                "UPDATE users SET email = id || '@invalid' WHERE email IS NULL;  -- its own migration\n"
                        + "ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;\n"
                        + "ALTER TABLE users VALIDATE CONSTRAINT email_nn;\n"
                        + "ALTER TABLE users ALTER COLUMN email SET NOT NULL;");
        example(Rule.AM303, "ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users (id);",
                "DELETE FROM orders o WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = o.user_id);  -- or fix\n"
                        + "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) "
                        + "NOT VALID;\n--changeset ...\nALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;");
        example(Rule.AM304, "ALTER TABLE products ADD CHECK (price > 0);",
                "ALTER TABLE products ADD CONSTRAINT price_positive CHECK (price > 0) NOT VALID;\n--changeset ...\n"
                        + "ALTER TABLE products VALIDATE CONSTRAINT price_positive;");
        example(Rule.AM305, "ALTER TABLE bookings ADD EXCLUDE USING gist (room WITH =, during WITH &&);",
                "-- SELECT a.id, b.id FROM bookings a JOIN bookings b ON a.room = b.room AND a.during && b.during\n"
                        + "--   AND a.id < b.id;  -- none; then, when the table is quiet:\n"
                        + "ALTER TABLE bookings ADD EXCLUDE USING gist (room WITH =, during WITH &&);");
        example(Rule.AM306, "ALTER TABLE users ALTER COLUMN zip TYPE integer USING zip::integer;",
                "-- SELECT zip FROM users WHERE zip !~ '^[0-9]+$';  -- none\n"
                        + "ALTER TABLE users ADD COLUMN zip_number integer;  -- backfill in batches, switch");
        example(Rule.AM401, "CREATE INDEX orders_user_id_idx ON orders (user_id);",
                "--changeset dev:orders-index runInTransaction:false\n"
                        + "CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);");
        example(Rule.AM402, "DROP INDEX orders_user_id_idx;",
                "--changeset dev:drop-index runInTransaction:false\nDROP INDEX CONCURRENTLY orders_user_id_idx;");
        example(Rule.AM403, "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);",
                "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) "
                        + "NOT VALID;\n--changeset ...\nALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;");
        example(Rule.AM404, "ALTER TABLE products ADD CONSTRAINT price_positive CHECK (price > 0);",
                "ALTER TABLE products ADD CONSTRAINT price_positive CHECK (price > 0) NOT VALID;\n--changeset ...\n"
                        + "ALTER TABLE products VALIDATE CONSTRAINT price_positive;");
        example(Rule.AM405, "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
                "ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;\n--changeset ...\n"
                        + "ALTER TABLE users VALIDATE CONSTRAINT email_nn;\n--changeset ...\n"
                        + "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n"
                        + "ALTER TABLE users DROP CONSTRAINT email_nn;");
        example(Rule.AM406, "ALTER TABLE events ALTER COLUMN id TYPE bigint;",
                "ALTER TABLE events ADD COLUMN id_big bigint;  -- backfill in batches, swap in a short migration\n"
                        + "ALTER TABLE events ALTER COLUMN note TYPE varchar(500);  -- widening: no rewrite");
        example(Rule.AM407, "ALTER TABLE users ALTER COLUMN name TYPE text COLLATE \"C\";",
                "--changeset dev:name-c runInTransaction:false\n"
                        + "CREATE INDEX CONCURRENTLY users_name_c_idx ON users (name COLLATE \"C\");");
        example(Rule.AM408, "ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();",
                "ALTER TABLE users ADD COLUMN token uuid;\n"
                        + "ALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid();\n"
                        + "-- backfill existing rows in batches");
        example(Rule.AM409, "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);",
                "--changeset dev:1 runInTransaction:false\n"
                        + "CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\n--changeset dev:2\n"
                        + "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;");
        example(Rule.AM410, "CREATE TRIGGER users_touch BEFORE UPDATE ON users\n"
                        + "    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();",
                "-- a trigger on a table the same migration creates has no existing writers:\n"
                        + "CREATE TABLE audit (id bigint);\nCREATE TRIGGER audit_touch BEFORE UPDATE ON audit\n"
                        + "    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();");
        example(Rule.AM411, "ALTER TABLE events SET UNLOGGED;",
                "CREATE UNLOGGED TABLE events_scratch (LIKE events);  -- new tables start unlogged");
        example(Rule.AM412, "REFRESH MATERIALIZED VIEW daily_stats;",
                "-- daily_stats has a unique index\nREFRESH MATERIALIZED VIEW CONCURRENTLY daily_stats;");
        example(Rule.AM413, "CREATE TABLE automigrate_rows_of_events AS SELECT id, created_on FROM events;\n"
                        + "DROP TABLE events;\n"
                        + "CREATE TABLE events (id bigint, created_on date) PARTITION BY RANGE (created_on);\n"
                        + "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');\n"
                        + "INSERT INTO events (id, created_on) SELECT * FROM automigrate_rows_of_events;",
                "ALTER TABLE events ADD CONSTRAINT events_2026_bound\n"
                        + "    CHECK (created_on >= '2026-01-01' AND created_on < '2027-01-01') NOT VALID;\n"
                        + "ALTER TABLE events VALIDATE CONSTRAINT events_2026_bound;  -- no write lock\n"
                        + "-- then, in a short migration:\n"
                        + "ALTER TABLE events RENAME TO events_2026;\n"
                        + "CREATE TABLE events (id bigint, created_on date) PARTITION BY RANGE (created_on);\n"
                        + "ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');");
        example(Rule.AM501, "--changeset dev:1 runInTransaction:false\n"
                        + "CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);\n"
                        + "ALTER TABLE orders ADD COLUMN note text;",
                "--changeset dev:1 runInTransaction:false\n"
                        + "CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);\n--changeset dev:2\n"
                        + "ALTER TABLE orders ADD COLUMN note text;");
        example(Rule.AM502, "--changeset dev:1\nCREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);",
                "--changeset dev:1 runInTransaction:false\n"
                        + "CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);");
    }

    private LintDocs() {
    }

    private static void example(Rule rule, String risky, String safe) {
        EXAMPLES.put(rule, new String[] {risky, safe});
    }

    public static void main(String[] args) {
        System.out.print(markdown());
    }

    public static String markdown() {
        StringBuilder out = new StringBuilder("""
                # Lint: the findings of automigrate

                <!-- Generated from io.automigrate.lint.Rule and LintDocs: edit those, then run
                     java -cp target/classes io.automigrate.lint.LintDocs > docs/lint.md -->

                Every migration automigrate plans, and every file `automigrate lint` checks, is read for risks.
                Each finding has a code, a severity, the statement and its line, why it matters and the safe way.

                | family | codes | what |
                | --- | --- | --- |
                | destructive | AM1xx | data is deleted |
                | backward-incompatible | AM2xx | code that is already running breaks between the migration and the deploy |
                | data-dependent | AM3xx | the migration may fail on rows that already exist |
                | locking | AM4xx | a table is locked or rewritten for as long as the statement runs |
                | transaction shape | AM5xx | a changeset is not atomic, or cannot run at all |

                Severities: `error` blocks `lint` (exit 1) and production deploys unless allowed; `warning` needs a
                reviewer's eye; `info` is context.

                ## Where the findings come from

                - `automigrate plan` lints the migration it generates: the typed changes of the diff, the schema
                  before and after, and the rendered statements (is it `CONCURRENTLY`? `NOT VALID`?).
                - `automigrate lint FILE...` lints hand-written migration files: each file is applied, changeset by
                  changeset, to a throwaway database that holds the migrations before it; the schema before and
                  after each changeset is diffed and the same rules run, with the file's own statements. Statement
                  rules read the SQL with comments and string constants removed.
                - A change on a table the same migration creates is never a locking or data risk: it holds no rows.

                ## Allowing a finding

                An allowed finding is still reported, with who allowed it, but never blocks.

                - Inline, in the migration file, on a line of the changeset:
                  `-- automigrate:allow AM102 column unused since v2` (the text after the code is the reason).
                - Per environment, in `automigrate.yml`: `allow` lists codes accepted there, `errors` lists codes
                  raised to `error` there:

                  ```yaml
                  environments:
                    production:
                      production: true
                      errors: [AM401, AM403, AM406]
                    staging:
                      allow: [AM101, AM102]
                  ```
                - On the command line: `--allow AM102` (repeatable, or `--allow AM101,AM102`), with `--env NAME`
                  to apply an environment's policy, on `plan` and `lint`.

                ## Looking at the data: `--inspect-url`

                With `--inspect-url URL` (a read-only URL of the target database), `plan` and `lint` open a
                read-only transaction with a statement timeout (`--inspect-timeout`, 30 s by default) and:

                - count the rows that would make the migration fail: NULLs for a new NOT NULL, duplicate keys for a
                  new unique constraint or index, rows pointing nowhere for a new foreign key, any row for a NOT NULL
                  column without default. None: the finding drops to `info`; some: it becomes an `error` saying how
                  many;
                - read each touched table's estimated rows (`pg_class.reltuples`, counted exactly below 100,000 when
                  the estimate is small or missing) and size (`pg_total_relation_size`). Locking findings (AM4xx) on a
                  tiny table (under 10,000 rows and 8 MB) drop to `info`; on larger tables the finding says how long
                  the lock may last, assuming 50 MB/s of rewrite or scan throughput (a rough figure for ordinary
                  cloud disks; the real speed depends on the disk, indexes, and load).

                A URL that matches a configured environment takes that environment's policy.

                ## The catalogue
                """);
        String family = "";
        for (Rule rule : Rule.values()) {
            String current = rule.code().substring(0, 3);
            if (!current.equals(family)) {
                family = current;
                out.append("\n### ").append(familyName(current)).append('\n');
            }
            String[] example = EXAMPLES.get(rule);
            out.append("\n<a id=\"").append(rule.anchor()).append("\"></a>\n")
                    .append("#### ").append(rule.code()).append(": ").append(rule.title()).append("\n\n")
                    .append("Default severity: `").append(rule.severity().id()).append("`\n\n")
                    .append("**Why it is risky.** ").append(rule.why()).append("\n\n")
                    .append("```sql\n").append(example[0]).append("\n```\n\n")
                    .append("**The safe way.** ").append(rule.safer()).append("\n\n")
                    .append("```sql\n").append(example[1]).append("\n```\n");
        }
        return out.toString();
    }

    private static String familyName(String prefix) {
        return switch (prefix) {
            case "AM1" -> "AM1xx destructive";
            case "AM2" -> "AM2xx backward-incompatible";
            case "AM3" -> "AM3xx data-dependent";
            case "AM4" -> "AM4xx locking and rewrites";
            default -> "AM5xx transaction shape";
        };
    }

    /** True when every code has its examples (checked by a test). */
    static boolean complete() {
        return EXAMPLES.keySet().containsAll(java.util.List.of(Rule.values()));
    }
}
