package io.automigrate.bench;

import io.automigrate.catalog.QualifiedName;
import io.automigrate.sql.Sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic benchmark schemas: {@code tables} tables in two schemas with columns of varied types, primary
 * keys (identity, serial and composite), foreign keys, check and unique constraints, plain, partial, expression,
 * multi-column and GIN indexes, plain and materialized views, SQL and PL/pgSQL functions, three enums, a domain
 * and a few triggers. {@link #change()} alters about 1% of the objects: added columns, changed column types,
 * added indexes, changed views and changed functions.
 */
final class SchemaGenerator {
    /** A generated schema: the statements that create it, and those that change about 1% of it. */
    record Generated(int tables, List<String> schema, List<String> change, int views, int functions, int triggers) {
        Generated {
            schema = List.copyOf(schema);
            change = List.copyOf(change);
        }
    }

    private record OptionalColumn(String name, String definition) {
    }

    /** Columns a table may have besides its fixed ones; each table takes {@link #OPTIONAL_PER_TABLE} in rotation. */
    private static final OptionalColumn[] OPTIONAL = {
        new OptionalColumn("email", null), // text or the domain, see column()
        new OptionalColumn("status", "app.account_status NOT NULL DEFAULT 'active'"),
        new OptionalColumn("amount", "numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0)"),
        new OptionalColumn("score", "double precision"),
        new OptionalColumn("is_active", "boolean NOT NULL DEFAULT true"),
        new OptionalColumn("payload", "jsonb"),
        new OptionalColumn("tags", "text[] NOT NULL DEFAULT '{}'"),
        new OptionalColumn("updated_at", "timestamp with time zone"),
        new OptionalColumn("deleted_at", "timestamp with time zone"),
        new OptionalColumn("birthday", "date"),
        new OptionalColumn("ip_address", "inet"),
        new OptionalColumn("ttl", "interval DEFAULT '1 day'"),
        new OptionalColumn("blob", "bytea"),
        new OptionalColumn("external_ref", "uuid NOT NULL DEFAULT gen_random_uuid()"),
        new OptionalColumn("priority", "app.priority"),
        new OptionalColumn("code", "character(8)"),
        new OptionalColumn("quantity", "smallint CHECK (quantity BETWEEN 0 AND 1000)"),
        new OptionalColumn("channel", "ledger.channel"),
    };
    private static final int OPTIONAL_PER_TABLE = 7;

    private final int tables;

    SchemaGenerator(int tables) {
        if (tables < 1) {
            throw new IllegalArgumentException("a benchmark schema needs at least one table");
        }
        this.tables = tables;
    }

    Generated generate() {
        List<String> schema = new ArrayList<>(prelude());
        int views = 0;
        int functions = 0;
        int triggers = 0;
        for (int i = 0; i < tables; i++) {
            schema.addAll(table(i));
            if (hasView(i)) {
                schema.add(view(i, false));
                views++;
            }
            if (hasFunction(i)) {
                schema.add(function(i, false));
                functions++;
            }
            if (hasTrigger(i)) {
                schema.add("CREATE TRIGGER " + Sql.ident(name(i).name() + "_created_at") + " BEFORE INSERT ON "
                        + Sql.qualified(name(i)) + " FOR EACH ROW EXECUTE FUNCTION app.set_created_at()");
                triggers++;
            }
        }
        return new Generated(tables, schema, change(), views, functions, triggers);
    }

    /**
     * Statements that change about 1% of the schema: {@code max(5, tables / 100)} changes, in rotation an added
     * column, a column type change, an added index, a changed view and a changed function, on objects spread over
     * the whole schema.
     */
    List<String> change() {
        int count = changeCount();
        List<Integer> plainViews = new ArrayList<>();
        List<Integer> functions = new ArrayList<>();
        for (int i = 0; i < tables; i++) {
            if (hasView(i) && !materialized(i)) {
                plainViews.add(i);
            }
            if (hasFunction(i)) {
                functions.add(i);
            }
        }
        int stride = Math.max(1, tables / count);
        List<String> change = new ArrayList<>();
        for (int u = 0; u < count; u++) {
            // the small shift spreads the targets over both schemas (table i is in ledger when i % 4 == 3)
            int target = (u * stride + 3 + (stride > 4 ? u % 4 : 0)) % tables;
            QualifiedName table = name(target);
            switch (u % 5) {
                case 0 -> change.add("ALTER TABLE " + Sql.qualified(table) + " ADD COLUMN bench_note text");
                case 1 -> change.add("ALTER TABLE " + Sql.qualified(table) + " ALTER COLUMN counter TYPE bigint");
                case 2 -> change.add("CREATE INDEX " + Sql.ident(table.name() + "_counter_idx") + " ON "
                        + Sql.qualified(table) + " (counter)");
                case 3 -> {
                    if (!plainViews.isEmpty()) {
                        change.add(view(plainViews.get((u / 5 * 7) % plainViews.size()), true));
                    }
                }
                default -> {
                    if (!functions.isEmpty()) {
                        change.add(function(functions.get((u / 5 * 7) % functions.size()), true));
                    }
                }
            }
        }
        return change;
    }

    int changeCount() {
        return Math.max(5, Math.round(tables / 100f));
    }

    private static List<String> prelude() {
        return List.of(
                "CREATE SCHEMA app",
                "CREATE SCHEMA ledger",
                "CREATE TYPE app.account_status AS ENUM ('active', 'suspended', 'closed')",
                "CREATE TYPE app.priority AS ENUM ('low', 'normal', 'high', 'urgent')",
                "CREATE TYPE ledger.channel AS ENUM ('web', 'mobile', 'api', 'batch')",
                "CREATE DOMAIN app.email_address AS text CHECK (VALUE LIKE '%_@_%')",
                """
                CREATE FUNCTION app.set_created_at() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW.created_at := coalesce(NEW.created_at, now());
                    RETURN NEW;
                END
                $$""");
    }

    static QualifiedName name(int i) {
        return new QualifiedName(i % 4 == 3 ? "ledger" : "app", String.format("t%05d", i));
    }

    private static boolean compositeKey(int i) {
        return i % 11 == 10;
    }

    private static boolean serialKey(int i) {
        return i % 7 == 6;
    }

    /** The table this one references: about half its index, skipping tables whose key is composite. */
    static int parent(int i) {
        if (i == 0) {
            return -1;
        }
        int p = (i - 1) / 2;
        while (p > 0 && compositeKey(p)) {
            p--;
        }
        return p;
    }

    private static boolean hasView(int i) {
        return i % 10 == 5;
    }

    private static boolean materialized(int i) {
        return i % 40 == 35;
    }

    private static boolean hasFunction(int i) {
        return i % 10 == 7;
    }

    private static boolean hasTrigger(int i) {
        return i % 50 == 25;
    }

    private static List<OptionalColumn> optionalColumns(int i) {
        List<OptionalColumn> columns = new ArrayList<>();
        int start = (i * 5) % OPTIONAL.length;
        for (int k = 0; k < OPTIONAL_PER_TABLE; k++) {
            columns.add(OPTIONAL[(start + k) % OPTIONAL.length]);
        }
        return columns;
    }

    private static List<String> table(int i) {
        QualifiedName table = name(i);
        String qualified = Sql.qualified(table);
        List<OptionalColumn> optional = optionalColumns(i);
        List<String> columns = new ArrayList<>();
        if (compositeKey(i)) {
            columns.add("id bigint NOT NULL");
        } else if (serialKey(i)) {
            columns.add("id bigserial PRIMARY KEY");
        } else {
            columns.add("id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
        }
        columns.add("tenant_id integer NOT NULL DEFAULT 0");
        int parent = parent(i);
        if (parent >= 0) {
            columns.add("parent_id bigint REFERENCES " + Sql.qualified(name(parent)) + " (id) ON DELETE CASCADE");
        }
        columns.add("name character varying(" + (40 + i % 5 * 20) + ") NOT NULL");
        columns.add("counter integer NOT NULL DEFAULT 0");
        columns.add("created_at timestamp with time zone NOT NULL DEFAULT now()");
        for (OptionalColumn column : optional) {
            String definition = column.definition() != null ? column.definition()
                    : i % 2 == 0 ? "app.email_address" : "text";
            columns.add(Sql.ident(column.name()) + " " + definition);
        }
        if (compositeKey(i)) {
            columns.add("PRIMARY KEY (tenant_id, id)");
        }
        if (i % 6 == 2) {
            columns.add("UNIQUE (tenant_id, name)");
        }

        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE " + qualified + " (\n    " + String.join(",\n    ", columns) + "\n)");
        String prefix = table.name();
        if (parent >= 0) {
            statements.add(index(prefix + "_parent_id_idx", qualified, "(parent_id)"));
        }
        if (has(optional, "email")) {
            statements.add("CREATE UNIQUE INDEX " + Sql.ident(prefix + "_email_key") + " ON " + qualified
                    + " (lower(email))");
        }
        if (has(optional, "deleted_at")) {
            statements.add(index(prefix + "_live_idx", qualified, "(created_at) WHERE deleted_at IS NULL"));
        } else if (has(optional, "is_active")) {
            statements.add(index(prefix + "_active_name_idx", qualified, "(name) WHERE is_active"));
        }
        if (i % 3 == 0) {
            statements.add(index(prefix + "_tenant_created_idx", qualified, "(tenant_id, created_at DESC)"));
        }
        if (has(optional, "payload") && i % 2 == 0) {
            statements.add(index(prefix + "_payload_idx", qualified, "USING gin (payload jsonb_path_ops)"));
        }
        if (i % 10 == 0) {
            statements.add("COMMENT ON TABLE " + qualified + " IS " + Sql.literal("benchmark table " + i));
        }
        if (i % 10 == 1) {
            statements.add("COMMENT ON COLUMN " + qualified + ".name IS " + Sql.literal("display name of row " + i));
        }
        return statements;
    }

    private static String index(String name, String qualifiedTable, String rest) {
        return "CREATE INDEX " + Sql.ident(name) + " ON " + qualifiedTable + " " + rest;
    }

    private static boolean has(List<OptionalColumn> columns, String name) {
        return columns.stream().anyMatch(c -> c.name().equals(name));
    }

    /** A view over table {@code i} and its parent; {@code changed} adds a filter, keeping the columns. */
    private static String view(int i, boolean changed) {
        QualifiedName table = name(i);
        QualifiedName viewName = new QualifiedName(table.schema(), "v_" + table.name());
        if (materialized(i)) {
            return "CREATE MATERIALIZED VIEW " + Sql.qualified(viewName) + " AS SELECT tenant_id, count(*) AS n"
                    + " FROM " + Sql.qualified(table) + " GROUP BY tenant_id WITH NO DATA";
        }
        return (changed ? "CREATE OR REPLACE VIEW " : "CREATE VIEW ") + Sql.qualified(viewName)
                + " AS SELECT c.id, c.name, c.created_at, p.name AS parent_name"
                + " FROM " + Sql.qualified(table) + " c JOIN " + Sql.qualified(name(parent(i))) + " p"
                + " ON p.id = c.parent_id"
                + (changed ? " WHERE c.created_at >= '2000-01-01'" : "");
    }

    /** A SQL or PL/pgSQL function over table {@code i}; {@code changed} alters its body, keeping its signature. */
    private static String function(int i, boolean changed) {
        QualifiedName table = name(i);
        if (i % 20 == 17) {
            QualifiedName function = new QualifiedName(table.schema(), "touch_" + table.name());
            return "CREATE OR REPLACE FUNCTION " + Sql.qualified(function) + "(p_id bigint) RETURNS void"
                    + " LANGUAGE plpgsql AS $$\nBEGIN\n    UPDATE " + Sql.qualified(table) + " SET counter = counter + "
                    + (changed ? 2 : 1) + " WHERE id = p_id;\nEND\n$$";
        }
        QualifiedName function = new QualifiedName(table.schema(), "count_children_" + table.name());
        return "CREATE OR REPLACE FUNCTION " + Sql.qualified(function) + "(p_parent bigint) RETURNS bigint"
                + " LANGUAGE sql STABLE AS $$SELECT count(" + (changed ? "id" : "*") + ") FROM "
                + Sql.qualified(table) + " WHERE parent_id = p_parent$$";
    }
}
