package io.automigrate.source.prisma;

import io.automigrate.source.prisma.PrismaSyntax.Arg;
import io.automigrate.source.prisma.PrismaSyntax.Attribute;
import io.automigrate.source.prisma.PrismaSyntax.Block;
import io.automigrate.source.prisma.PrismaSyntax.Call;
import io.automigrate.source.prisma.PrismaSyntax.Expr;
import io.automigrate.source.prisma.PrismaSyntax.Field;
import io.automigrate.source.prisma.PrismaSyntax.ListExpr;
import io.automigrate.source.prisma.PrismaSyntax.Name;
import io.automigrate.source.prisma.PrismaSyntax.Num;
import io.automigrate.source.prisma.PrismaSyntax.Position;
import io.automigrate.source.prisma.PrismaSyntax.Str;
import io.automigrate.sqltext.Sql;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Prisma schema → the PostgreSQL DDL that Prisma Migrate creates for it (Prisma ORM 6, PostgreSQL connector):
 * its default and native types, its constraint and index names ({@code Table_pkey}, {@code Table_col_key},
 * {@code Table_col_idx}, {@code Table_col_fkey}), its referential-action defaults, and its implicit many-to-many
 * join tables. Pure: blocks in, SQL text out; every error is exit 2 at {@code file:line:col}.
 */
public final class PrismaMapping {
    /** Prisma's scalar types and the PostgreSQL type each maps to when no {@code @db.*} attribute says otherwise. */
    private static final Map<String, String> SCALARS = Map.of(
            "String", "TEXT", "Boolean", "BOOLEAN", "Int", "INTEGER", "BigInt", "BIGINT",
            "Float", "DOUBLE PRECISION", "Decimal", "DECIMAL(65,30)", "DateTime", "TIMESTAMP(3)", "Json", "JSONB",
            "Bytes", "BYTEA");

    /** {@code @db.X}: the scalars it applies to, the PostgreSQL type, and how many arguments it takes (at most). */
    private record Native(Set<String> scalars, String sqlType, int maxArgs, String noArgs) {
    }

    private static final Map<String, Native> NATIVES = new LinkedHashMap<>();

    static {
        NATIVES.put("Text", new Native(Set.of("String"), "TEXT", 0, null));
        NATIVES.put("VarChar", new Native(Set.of("String"), "VARCHAR", 1, "VARCHAR"));
        NATIVES.put("Char", new Native(Set.of("String"), "CHAR", 1, "CHAR(1)"));
        NATIVES.put("Uuid", new Native(Set.of("String"), "UUID", 0, null));
        NATIVES.put("Xml", new Native(Set.of("String"), "XML", 0, null));
        NATIVES.put("Inet", new Native(Set.of("String"), "INET", 0, null));
        NATIVES.put("Citext", new Native(Set.of("String"), "CITEXT", 0, null));
        NATIVES.put("Bit", new Native(Set.of("String"), "BIT", 1, "BIT(1)"));
        NATIVES.put("VarBit", new Native(Set.of("String"), "VARBIT", 1, "VARBIT"));
        NATIVES.put("Boolean", new Native(Set.of("Boolean"), "BOOLEAN", 0, null));
        NATIVES.put("Integer", new Native(Set.of("Int"), "INTEGER", 0, null));
        NATIVES.put("SmallInt", new Native(Set.of("Int"), "SMALLINT", 0, null));
        NATIVES.put("Oid", new Native(Set.of("Int"), "OID", 0, null));
        NATIVES.put("BigInt", new Native(Set.of("BigInt"), "BIGINT", 0, null));
        NATIVES.put("DoublePrecision", new Native(Set.of("Float"), "DOUBLE PRECISION", 0, null));
        NATIVES.put("Real", new Native(Set.of("Float"), "REAL", 0, null));
        NATIVES.put("Decimal", new Native(Set.of("Decimal"), "DECIMAL", 2, "DECIMAL"));
        NATIVES.put("Money", new Native(Set.of("Decimal"), "MONEY", 0, null));
        NATIVES.put("Timestamp", new Native(Set.of("DateTime"), "TIMESTAMP", 1, "TIMESTAMP"));
        NATIVES.put("Timestamptz", new Native(Set.of("DateTime"), "TIMESTAMPTZ", 1, "TIMESTAMPTZ"));
        NATIVES.put("Date", new Native(Set.of("DateTime"), "DATE", 0, null));
        NATIVES.put("Time", new Native(Set.of("DateTime"), "TIME", 1, "TIME"));
        NATIVES.put("Timetz", new Native(Set.of("DateTime"), "TIMETZ", 1, "TIMETZ"));
        NATIVES.put("Json", new Native(Set.of("Json"), "JSON", 0, null));
        NATIVES.put("JsonB", new Native(Set.of("Json"), "JSONB", 0, null));
        NATIVES.put("ByteA", new Native(Set.of("Bytes"), "BYTEA", 0, null));
    }

    private static final Set<String> FIELD_ATTRIBUTES = Set.of("id", "default", "unique", "relation", "map",
            "updatedAt", "ignore");
    private static final Set<String> BLOCK_ATTRIBUTES = Set.of("id", "unique", "index", "map", "schema", "ignore");
    private static final Set<String> INDEX_TYPES = Set.of("BTree", "Hash", "Gist", "Gin", "SpGist", "Brin");
    private static final Set<String> ACTIONS = Set.of("Cascade", "Restrict", "NoAction", "SetNull", "SetDefault");

    /** What the mapping produced: the DDL, and what the schema declares that Prisma Migrate does not create. */
    public record Result(String sql, List<String> notModelled, boolean listsExtensions) {
        public Result {
            notModelled = List.copyOf(notModelled);
        }
    }

    private final List<Block> blocks;
    private final Map<String, Block> models = new LinkedHashMap<>();
    private final Map<String, Block> enums = new LinkedHashMap<>();
    private final List<String> notModelled = new ArrayList<>();
    private Block datasource;
    private List<String> schemas = List.of();
    private boolean foreignKeys = true;

    private final StringBuilder types = new StringBuilder();
    private final StringBuilder tables = new StringBuilder();
    private final StringBuilder indexes = new StringBuilder();
    private final StringBuilder keys = new StringBuilder();

    private PrismaMapping(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** The DDL for {@code blocks} (all the files of one schema). */
    public static Result map(List<Block> blocks) {
        PrismaMapping mapping = new PrismaMapping(blocks);
        String sql = mapping.render();
        return new Result(sql, mapping.notModelled, mapping.datasource.property("extensions").isPresent());
    }

    private static RuntimeException error(Position at, String message) {
        return PrismaParser.error(at, message);
    }

    private String render() {
        collect();
        StringBuilder head = new StringBuilder();
        for (String schema : schemas) {
            head.append("CREATE SCHEMA IF NOT EXISTS ").append(Sql.ident(schema)).append(";\n");
        }
        extensions(head);
        for (Block e : enums.values()) enumType(e);
        for (Block m : models.values()) table(m);
        manyToMany();
        return head.append(types).append(tables).append(indexes).append(keys).toString();
    }

    private void collect() {
        for (Block b : blocks) {
            switch (b.keyword()) {
                case "datasource" -> {
                    if (datasource != null) {
                        throw error(b.position(), "a second datasource block: a Prisma schema has exactly one "
                                + "(the first is at " + datasource.position() + ")");
                    }
                    datasource = b;
                }
                case "generator" -> {
                    // Prisma Client's settings: nothing of the database.
                }
                case "model" -> add(models, b);
                case "enum" -> add(enums, b);
                case "view" -> notModelled.add("view " + b.name() + " (" + b.position()
                        + "): Prisma Migrate does not create views; keep its SQL in a migration");
                case "type" -> throw error(b.position(), "type " + b.name() + ": composite types are MongoDB-only "
                        + "in Prisma; with PostgreSQL use a model with a relation, or a Json field");
                default -> throw error(b.position(), "unknown block " + b.keyword());
            }
        }
        if (datasource == null) {
            Position at = blocks.isEmpty() ? new Position("schema.prisma", 1, 1) : blocks.get(0).position();
            throw error(at, "no datasource block: add datasource db { provider = \"postgresql\" }");
        }
        String provider = datasource.property("provider").map(p -> stringValue(p.value(), "provider"))
                .orElseThrow(() -> error(datasource.position(), "the datasource has no provider: add "
                        + "provider = \"postgresql\""));
        if (!provider.equals("postgresql") && !provider.equals("postgres")) {
            throw error(datasource.property("provider").get().position(), "provider \"" + provider
                    + "\": automigrate reads Prisma schemas for PostgreSQL only (provider = \"postgresql\")");
        }
        datasource.property("schemas").ifPresent(p -> schemas = stringList(p.value(), "schemas"));
        datasource.property("relationMode").ifPresent(p -> {
            String mode = stringValue(p.value(), "relationMode");
            if (!mode.equals("prisma") && !mode.equals("foreignKeys")) {
                throw error(p.position(), "relationMode \"" + mode + "\": expected \"foreignKeys\" or \"prisma\"");
            }
            foreignKeys = mode.equals("foreignKeys");
        });
    }

    private void add(Map<String, Block> into, Block b) {
        Block first = models.containsKey(b.name()) ? models.get(b.name()) : enums.get(b.name());
        if (first != null) {
            throw error(b.position(), b.keyword() + " " + b.name() + " is declared twice (first at " + first.position()
                    + "): give it one name");
        }
        if (SCALARS.containsKey(b.name()) || b.name().equals("Unsupported")) {
            throw error(b.position(), b.keyword() + " " + b.name() + ": the name of a Prisma scalar type");
        }
        into.put(b.name(), b);
    }

    // ---- names

    private String schemaOf(Block b) {
        Optional<Attribute> schema = b.attribute("schema");
        if (schemas.isEmpty()) {
            if (schema.isPresent()) {
                throw error(schema.get().position(), "@@schema needs the datasource to list its schemas: "
                        + "schemas = [\"" + stringArg(schema.get(), null) + "\"]");
            }
            return null;
        }
        if (schema.isEmpty()) {
            throw error(b.position(), b.keyword() + " " + b.name() + " has no @@schema: with schemas in the "
                    + "datasource, every model and enum names its schema, e.g. @@schema(\"" + schemas.get(0) + "\")");
        }
        String name = stringArg(schema.get(), null);
        if (!schemas.contains(name)) {
            throw error(schema.get().position(), "@@schema(\"" + name + "\") is not in the datasource's schemas "
                    + schemas);
        }
        return name;
    }

    private String dbName(Block b) {
        return b.attribute("map").map(a -> stringArg(a, "name")).orElse(b.name());
    }

    private String qualified(Block b) {
        String schema = schemaOf(b);
        return schema == null ? Sql.ident(dbName(b)) : Sql.qualified(schema, dbName(b));
    }

    private static String column(Field f) {
        return f.attribute("map").map(a -> stringArg(a, "name")).orElse(f.name());
    }

    // ---- datasource extensions

    private void extensions(StringBuilder out) {
        Optional<PrismaSyntax.Property> property = datasource.property("extensions");
        if (property.isEmpty()) return;
        if (!(property.get().value() instanceof ListExpr list)) {
            throw error(property.get().position(), "extensions takes a list: extensions = [citext, pgcrypto]");
        }
        for (Expr item : list.items()) {
            String name;
            Map<String, String> options = new LinkedHashMap<>();
            if (item instanceof Name n) {
                name = n.name();
            } else if (item instanceof Call c) {
                name = c.name();
                for (Arg a : c.args()) {
                    if (a.name() == null || !Set.of("map", "schema", "version").contains(a.name())) {
                        throw error(a.position(), "extension " + c.name() + ": expected map:, schema: or version:");
                    }
                    options.put(a.name(), stringValue(a.value(), a.name()));
                }
            } else {
                throw error(item.position(), "an extension is a name, e.g. citext, or postgis(version: \"3.4\")");
            }
            out.append("CREATE EXTENSION IF NOT EXISTS ").append(Sql.ident(options.getOrDefault("map", name)));
            if (options.containsKey("schema")) out.append(" WITH SCHEMA ").append(Sql.ident(options.get("schema")));
            if (options.containsKey("version")) out.append(" VERSION ").append(Sql.literal(options.get("version")));
            out.append(";\n");
        }
    }

    // ---- enums

    private void enumType(Block e) {
        checkBlockAttributes(e, Set.of("map", "schema"));
        List<String> values = new ArrayList<>();
        for (Field v : e.fields()) {
            for (Attribute a : v.attributes()) {
                if (!a.name().equals("map")) {
                    throw error(a.position(), "unknown attribute " + a.display() + " on enum value " + v.name()
                            + ": an enum value takes only @map(\"...\")");
                }
            }
            values.add(Sql.literal(column(v)));
        }
        if (values.isEmpty()) throw error(e.position(), "enum " + e.name() + " has no values");
        types.append("CREATE TYPE ").append(qualified(e)).append(" AS ENUM (").append(String.join(", ", values))
                .append(");\n");
    }

    private String enumValue(Block e, String valueName, Position at) {
        for (Field v : e.fields()) {
            if (v.name().equals(valueName)) return column(v);
        }
        throw error(at, "enum " + e.name() + " has no value " + valueName);
    }

    // ---- models

    private boolean isRelation(Field f) {
        return models.containsKey(f.type());
    }

    private void checkBlockAttributes(Block b, Set<String> allowed) {
        for (Attribute a : b.attributes()) {
            if (allowed.contains(a.name())) continue;
            if (a.name().equals("fulltext")) {
                throw error(a.position(), "@@fulltext is for MySQL and MongoDB; on PostgreSQL write a GIN index on "
                        + "a tsvector in a migration");
            }
            throw error(a.position(), "unknown attribute " + a.display() + " on " + b.keyword() + " " + b.name()
                    + (b.keyword().equals("model") ? ": expected one of @@id, @@unique, @@index, @@map, @@schema, "
                    + "@@ignore" : ""));
        }
    }

    private void table(Block m) {
        checkBlockAttributes(m, BLOCK_ATTRIBUTES);
        String table = dbName(m);
        String qualified = qualified(m);
        List<String> lines = new ArrayList<>();
        Map<String, Field> scalars = new LinkedHashMap<>();
        List<String> primaryKey = null;
        String primaryKeyName = null;
        for (Field f : m.fields()) {
            checkFieldAttributes(m, f);
            if (isRelation(f)) continue;
            if (scalars.put(f.name(), f) != null) {
                throw error(f.position(), "model " + m.name() + " has two fields named " + f.name());
            }
            lines.add(columnDefinition(m, f));
            Optional<Attribute> id = f.attribute("id");
            if (id.isPresent()) {
                if (primaryKey != null) {
                    throw error(id.get().position(), "model " + m.name() + " has two @id fields: use @@id([a, b])");
                }
                if (f.optional()) throw error(id.get().position(), "an @id field cannot be optional: remove the '?'");
                primaryKey = List.of(column(f));
                primaryKeyName = id.get().arg("map").map(v -> stringValue(v, "map")).orElse(null);
            }
            Optional<Attribute> unique = f.attribute("unique");
            if (unique.isPresent()) {
                String name = unique.get().arg("map").map(v -> stringValue(v, "map"))
                        .orElse(table + "_" + column(f) + "_key");
                String sort = unique.get().arg("sort").map(v -> sort(v)).orElse("");
                rejectLength(unique.get());
                indexes.append("CREATE UNIQUE INDEX ").append(Sql.ident(name)).append(" ON ").append(qualified)
                        .append(" (").append(Sql.ident(column(f))).append(sort).append(");\n");
            }
        }
        for (Attribute a : m.attributes("id")) {
            if (primaryKey != null) throw error(a.position(), "model " + m.name() + " has @id and @@id: keep one");
            primaryKey = fieldColumns(m, scalars, a, "fields", false).stream().map(IndexColumn::column).toList();
            primaryKeyName = a.arg("map").map(v -> stringValue(v, "map")).orElse(null);
        }
        if (primaryKey != null) {
            lines.add("CONSTRAINT " + Sql.ident(primaryKeyName == null ? table + "_pkey" : primaryKeyName)
                    + " PRIMARY KEY (" + String.join(", ", primaryKey.stream().map(Sql::ident).toList()) + ")");
        } else if (m.attribute("ignore").isEmpty() && m.attributes("unique").isEmpty()
                && m.fields().stream().noneMatch(f -> f.attribute("unique").isPresent())) {
            throw error(m.position(), "model " + m.name() + " has no unique criterion: add an @id field (or "
                    + "@@id, @unique, @@unique), or mark it @@ignore");
        }
        for (Attribute a : m.attributes("unique")) {
            List<IndexColumn> columns = fieldColumns(m, scalars, a, "fields", true);
            String name = a.arg("map").map(v -> stringValue(v, "map")).orElse(defaultName(table, columns, "key"));
            indexes.append("CREATE UNIQUE INDEX ").append(Sql.ident(name)).append(" ON ").append(qualified)
                    .append(" (").append(render(columns)).append(");\n");
        }
        for (Attribute a : m.attributes("index")) {
            List<IndexColumn> columns = fieldColumns(m, scalars, a, "fields", true);
            String name = a.arg("map").or(() -> a.arg("name")).map(v -> stringValue(v, "map"))
                    .orElse(defaultName(table, columns, "idx"));
            String using = "";
            Optional<Expr> type = a.arg("type");
            if (type.isPresent()) {
                String method = nameValue(type.get(), "type");
                if (!INDEX_TYPES.contains(method)) {
                    throw error(type.get().position(), "index type " + method + ": expected one of " + new TreeSet<>(INDEX_TYPES));
                }
                if (!method.equals("BTree")) using = " USING " + method.toUpperCase(Locale.ROOT);
            }
            for (Arg arg : a.args()) {
                if (arg.name() != null && !Set.of("fields", "map", "name", "type").contains(arg.name())) {
                    throw error(arg.position(), "@@index(" + arg.name() + ": ...): "
                            + (arg.name().equals("clustered") ? "clustered indexes are SQL Server only"
                            : "expected fields, map, name or type"));
                }
            }
            indexes.append("CREATE INDEX ").append(Sql.ident(name)).append(" ON ").append(qualified).append(using)
                    .append(" (").append(render(columns)).append(");\n");
        }
        for (Field f : m.fields()) {
            if (isRelation(f)) relation(m, f, scalars);
        }
        tables.append("CREATE TABLE ").append(qualified).append(" (\n    ").append(String.join(",\n    ", lines))
                .append("\n);\n");
    }

    private void checkFieldAttributes(Block m, Field f) {
        if (!isRelation(f)) columnType(f);
        for (Attribute a : f.attributes()) {
            if (a.name().startsWith("db.")) {
                if (isRelation(f)) throw error(a.position(), a.display() + " on a relation field: put it on the scalar field");
                continue;
            }
            if (!FIELD_ATTRIBUTES.contains(a.name())) {
                throw error(a.position(), "unknown attribute " + a.display() + " on field " + m.name() + "."
                        + f.name() + ": expected @id, @default, @unique, @relation, @map, @updatedAt, @ignore or @db.*");
            }
            if (isRelation(f) && !a.name().equals("relation") && !a.name().equals("ignore")) {
                throw error(a.position(), a.display() + " on relation field " + f.name() + ": put it on the scalar "
                        + "field(s) named in @relation(fields: [...])");
            }
            if (!isRelation(f) && a.name().equals("relation")) {
                throw error(a.position(), "@relation on " + f.name() + ", whose type " + f.type()
                        + " is not a model of this schema");
            }
        }
    }

    private String columnDefinition(Block m, Field f) {
        String type = columnType(f);
        Optional<Attribute> defaultAttribute = f.attribute("default");
        String definition = Sql.ident(column(f)) + " ";
        String defaultClause = "";
        if (defaultAttribute.isPresent()) {
            Expr value = defaultAttribute.get().arg(null).or(() -> defaultAttribute.get().arg("value"))
                    .orElseThrow(() -> error(defaultAttribute.get().position(), "@default needs a value"));
            if (value instanceof Call c && c.name().equals("autoincrement")) {
                String serial = switch (type) {
                    case "INTEGER" -> "SERIAL";
                    case "BIGINT" -> "BIGSERIAL";
                    case "SMALLINT" -> "SMALLSERIAL";
                    default -> throw error(c.position(), "autoincrement() on " + f.type() + ": only Int and BigInt "
                            + "fields can autoincrement");
                };
                return definition + serial + " NOT NULL";
            }
            String sqlDefault = defaultValue(f, type, value);
            if (sqlDefault != null) defaultClause = " DEFAULT " + sqlDefault;
        }
        definition += type;
        if (!f.optional() && !f.list()) definition += " NOT NULL";
        return definition + defaultClause;
    }

    private String columnType(Field f) {
        if (f.type().equals("Unsupported")) return f.unsupported() + (f.list() ? "[]" : "");
        String base;
        if (enums.containsKey(f.type())) {
            base = qualified(enums.get(f.type()));
        } else if (SCALARS.containsKey(f.type())) {
            base = SCALARS.get(f.type());
            for (Attribute a : f.attributes()) {
                if (a.name().startsWith("db.")) base = nativeType(f, a);
            }
        } else {
            throw error(f.typePosition(), "unknown type " + f.type() + " of field " + f.name() + ": expected a scalar ("
                    + String.join(", ", new TreeSet<>(SCALARS.keySet())) + ", Unsupported(\"...\")), an enum or a model "
                    + "of this schema");
        }
        return base + (f.list() ? "[]" : "");
    }

    private static String nativeType(Field f, Attribute a) {
        String name = a.name().substring(3);
        Native nativeType = NATIVES.get(name);
        if (nativeType == null) {
            throw error(a.position(), a.display() + " is not a PostgreSQL native type in Prisma: expected one of @db."
                    + String.join(", @db.", NATIVES.keySet()));
        }
        if (!nativeType.scalars().contains(f.type())) {
            throw error(a.position(), a.display() + " applies to " + String.join(" or ", nativeType.scalars())
                    + " fields, not " + f.type());
        }
        List<String> args = new ArrayList<>();
        for (Arg arg : a.args()) {
            if (!(arg.value() instanceof Num n)) throw error(arg.position(), a.display() + " takes numbers");
            args.add(n.text());
        }
        if (args.size() > nativeType.maxArgs()) {
            throw error(a.position(), a.display() + " takes at most " + nativeType.maxArgs() + " argument(s)");
        }
        if (args.isEmpty()) return nativeType.noArgs() == null ? nativeType.sqlType() : nativeType.noArgs();
        return nativeType.sqlType() + "(" + String.join(",", args) + ")";
    }

    /** The SQL of a {@code @default}, or null for one that Prisma Client fills in (uuid(), cuid(), ...). */
    private String defaultValue(Field f, String type, Expr value) {
        if (value instanceof Call c) {
            switch (c.name()) {
                case "now":
                    if (!f.type().equals("DateTime")) throw error(c.position(), "now() is for DateTime fields");
                    return "CURRENT_TIMESTAMP";
                case "dbgenerated":
                    return c.arg(null).map(v -> stringValue(v, "dbgenerated")).orElse(null);
                case "uuid", "cuid", "nanoid", "ulid":
                    if (!f.type().equals("String")) throw error(c.position(), c.name() + "() is for String fields");
                    return null;
                case "sequence":
                    throw error(c.position(), "sequence() is for CockroachDB: on PostgreSQL use autoincrement()");
                case "auto":
                    throw error(c.position(), "auto() is for MongoDB");
                default:
                    throw error(c.position(), "unknown function " + c.name() + "() in @default: expected "
                            + "autoincrement(), now(), dbgenerated(\"...\"), uuid(), cuid() or a value");
            }
        }
        if (f.list()) {
            if (!(value instanceof ListExpr list)) {
                throw error(value.position(), "the default of list field " + f.name() + " is a list, e.g. []");
            }
            List<String> items = new ArrayList<>();
            for (Expr item : list.items()) items.add(scalarDefault(f, item));
            return "ARRAY[" + String.join(", ", items) + "]::" + type;
        }
        return scalarDefault(f, value);
    }

    private String scalarDefault(Field f, Expr value) {
        Block enumBlock = enums.get(f.type());
        if (enumBlock != null) {
            return Sql.literal(enumValue(enumBlock, nameValue(value, "default"), value.position()));
        }
        switch (f.type()) {
            case "String", "DateTime", "Json":
                return Sql.literal(stringValue(value, "default"));
            case "Bytes": {
                String base64 = stringValue(value, "default");
                try {
                    byte[] bytes = Base64.getDecoder().decode(base64);
                    return Sql.literal("\\x" + HexFormat.of().formatHex(bytes));
                } catch (IllegalArgumentException e) {
                    throw error(value.position(), "a Bytes default is base64: \"" + base64 + "\" is not");
                }
            }
            case "Boolean":
                String b = nameValue(value, "default");
                if (!b.equals("true") && !b.equals("false")) throw error(value.position(), "expected true or false");
                return b;
            case "Int", "BigInt", "Float", "Decimal":
                if (!(value instanceof Num n)) throw error(value.position(), "expected a number for " + f.type());
                return n.text();
            default:
                throw error(value.position(), "a default for " + f.type() + ": use dbgenerated(\"...\")");
        }
    }

    // ---- indexes

    private record IndexColumn(String column, String sort, String ops) {
    }

    private List<IndexColumn> fieldColumns(Block m, Map<String, Field> scalars, Attribute a, String key,
                                           boolean options) {
        Expr fields = a.positionalOr(key).orElseThrow(() -> error(a.position(), a.display() + " needs its fields: "
                + a.display() + "([a, b])"));
        if (!(fields instanceof ListExpr list) || list.items().isEmpty()) {
            throw error(fields.position(), a.display() + " takes a list of fields: " + a.display() + "([a, b])");
        }
        rejectLength(a);
        List<IndexColumn> out = new ArrayList<>();
        for (Expr item : list.items()) {
            String fieldName;
            String sort = "";
            String ops = "";
            if (item instanceof Name n) {
                fieldName = n.name();
            } else if (item instanceof Call c && options) {
                fieldName = c.name();
                for (Arg arg : c.args()) {
                    switch (arg.name() == null ? "" : arg.name()) {
                        case "sort" -> sort = sort(arg.value());
                        case "ops" -> ops = " " + operatorClass(arg.value());
                        case "length" -> throw error(arg.position(), "length: is for MySQL; PostgreSQL indexes whole values");
                        default -> throw error(arg.position(), "expected sort: or ops: on an indexed field");
                    }
                }
            } else {
                throw error(item.position(), "expected a field name in " + a.display());
            }
            Field f = scalars.get(fieldName);
            if (f == null) {
                throw error(item.position(), a.display() + " names " + fieldName + ", which is not a scalar field of "
                        + "model " + m.name());
            }
            out.add(new IndexColumn(column(f), sort, ops));
        }
        return out;
    }

    private static void rejectLength(Attribute a) {
        a.arg("length").ifPresent(v -> {
            throw error(v.position(), "length: is for MySQL; PostgreSQL indexes whole values");
        });
    }

    private static String render(List<IndexColumn> columns) {
        return String.join(", ", columns.stream().map(c -> Sql.ident(c.column()) + c.ops() + c.sort()).toList());
    }

    private static String defaultName(String table, List<IndexColumn> columns, String suffix) {
        return table + "_" + String.join("_", columns.stream().map(IndexColumn::column).toList()) + "_" + suffix;
    }

    private static String sort(Expr value) {
        String sort = nameValue(value, "sort");
        return switch (sort) {
            case "Asc" -> "";
            case "Desc" -> " DESC";
            default -> throw error(value.position(), "sort: expected Asc or Desc");
        };
    }

    /** {@code raw("gin_trgm_ops")}, or Prisma's names: {@code JsonbPathOps} → {@code jsonb_path_ops}. */
    private static String operatorClass(Expr value) {
        if (value instanceof Call c && c.name().equals("raw")) {
            return c.arg(null).map(v -> stringValue(v, "raw")).orElseThrow(() -> error(c.position(), "raw(\"...\")"));
        }
        String name = nameValue(value, "ops");
        if (!name.endsWith("Ops")) throw error(value.position(), "ops: expected an operator class such as JsonbPathOps or raw(\"...\")");
        String snake = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)
                .replace("min_max", "minmax").replace("timestamp_tz", "timestamptz").replace("time_tz", "timetz")
                .replace("var_bit", "varbit").replace("bp_char", "bpchar");
        return snake;
    }

    // ---- relations

    private void relation(Block m, Field f, Map<String, Field> scalars) {
        Optional<Attribute> relation = f.attribute("relation");
        Optional<Expr> fields = relation.flatMap(r -> r.arg("fields"));
        if (fields.isEmpty()) {
            if (relation.isPresent()) {
                for (String key : List.of("references", "onDelete", "onUpdate", "map")) {
                    relation.get().arg(key).ifPresent(v -> {
                        throw error(v.position(), "@relation(" + key + ": ...) goes with fields: [...] on the side "
                                + "that holds the foreign key");
                    });
                }
            }
            return;
        }
        Attribute r = relation.get();
        Block target = models.get(f.type());
        List<Field> local = fieldList(m, scalars, fields.get(), "fields");
        Expr referencesExpr = r.arg("references").orElseThrow(() -> error(r.position(),
                "@relation(fields: ...) needs references: [...] naming fields of " + f.type()));
        Map<String, Field> targetScalars = new LinkedHashMap<>();
        for (Field tf : target.fields()) if (!isRelation(tf)) targetScalars.put(tf.name(), tf);
        List<Field> referenced = fieldList(target, targetScalars, referencesExpr, "references");
        if (local.size() != referenced.size()) {
            throw error(r.position(), "@relation: fields and references must have the same number of fields");
        }
        if (!foreignKeys) return;
        String table = dbName(m);
        List<String> localColumns = local.stream().map(PrismaMapping::column).toList();
        String name = r.arg("map").map(v -> stringValue(v, "map"))
                .orElse(table + "_" + String.join("_", localColumns) + "_fkey");
        boolean optional = local.stream().anyMatch(Field::optional);
        String onDelete = r.arg("onDelete").map(v -> action(v)).orElse(optional ? "SET NULL" : "RESTRICT");
        String onUpdate = r.arg("onUpdate").map(v -> action(v)).orElse("CASCADE");
        keys.append("ALTER TABLE ").append(qualified(m)).append(" ADD CONSTRAINT ").append(Sql.ident(name))
                .append(" FOREIGN KEY (").append(String.join(", ", localColumns.stream().map(Sql::ident).toList()))
                .append(") REFERENCES ").append(qualified(target)).append(" (")
                .append(String.join(", ", referenced.stream().map(x -> Sql.ident(column(x))).toList()))
                .append(") ON DELETE ").append(onDelete).append(" ON UPDATE ").append(onUpdate).append(";\n");
    }

    private List<Field> fieldList(Block m, Map<String, Field> scalars, Expr expr, String key) {
        if (!(expr instanceof ListExpr list) || list.items().isEmpty()) {
            throw error(expr.position(), key + ": takes a list of fields: " + key + ": [a]");
        }
        List<Field> out = new ArrayList<>();
        for (Expr item : list.items()) {
            String name = nameValue(item, key);
            Field f = scalars.get(name);
            if (f == null) {
                throw error(item.position(), key + ": names " + name + ", which is not a scalar field of model "
                        + m.name());
            }
            out.add(f);
        }
        return out;
    }

    private static String action(Expr value) {
        String action = nameValue(value, "referential action");
        if (!ACTIONS.contains(action)) {
            throw error(value.position(), "referential action " + action + ": expected one of " + new TreeSet<>(ACTIONS));
        }
        return switch (action) {
            case "Cascade" -> "CASCADE";
            case "Restrict" -> "RESTRICT";
            case "NoAction" -> "NO ACTION";
            case "SetNull" -> "SET NULL";
            default -> "SET DEFAULT";
        };
    }

    /**
     * Implicit many-to-many relations: two list fields pointing at each other with no {@code fields:}. Prisma
     * makes a join table {@code _<relation>} with columns A and B (A for the model whose name sorts first),
     * a primary key on both, an index on B and cascading foreign keys.
     */
    private void manyToMany() {
        Set<String> done = new LinkedHashSet<>();
        for (Block m : models.values()) {
            for (Field f : m.fields()) {
                if (!isRelation(f) || !f.list()) continue;
                String relationName = relationName(f);
                Block other = models.get(f.type());
                Field back = backField(m, f, other, relationName);
                if (back == null || !back.list()) continue;
                String name = relationName != null ? relationName
                        : (m.name().compareTo(other.name()) <= 0 ? m.name() + "To" + other.name()
                        : other.name() + "To" + m.name());
                if (!done.add(name)) continue;
                Block a = m.name().compareTo(other.name()) <= 0 ? m : other;
                Block b = a == m ? other : m;
                joinTable("_" + name, a, b);
            }
        }
    }

    private static String relationName(Field f) {
        return f.attribute("relation").flatMap(r -> r.arg(null).or(() -> r.arg("name")))
                .map(v -> stringValue(v, "relation name")).orElse(null);
    }

    private Field backField(Block m, Field f, Block other, String relationName) {
        for (Field candidate : other.fields()) {
            if (candidate == f || !candidate.type().equals(m.name())) continue;
            if (java.util.Objects.equals(relationName(candidate), relationName)) return candidate;
        }
        return null;
    }

    private void joinTable(String table, Block a, Block b) {
        // A join column has the referenced id's type: columnType gives an autoincrementing id as plain integer.
        Field aId = singleId(a);
        Field bId = singleId(b);
        String schema = schemaOf(a);
        String qualified = schema == null ? Sql.ident(table) : Sql.qualified(schema, table);
        tables.append("CREATE TABLE ").append(qualified).append(" (\n    \"A\" ").append(columnType(aId))
                .append(" NOT NULL,\n    \"B\" ").append(columnType(bId)).append(" NOT NULL,\n    CONSTRAINT ")
                .append(Sql.ident(table + "_AB_pkey")).append(" PRIMARY KEY (\"A\", \"B\")\n);\n");
        indexes.append("CREATE INDEX ").append(Sql.ident(table + "_B_index")).append(" ON ").append(qualified)
                .append(" (\"B\");\n");
        if (!foreignKeys) return;
        keys.append("ALTER TABLE ").append(qualified).append(" ADD CONSTRAINT ").append(Sql.ident(table + "_A_fkey"))
                .append(" FOREIGN KEY (\"A\") REFERENCES ").append(qualified(a)).append(" (")
                .append(Sql.ident(column(aId))).append(") ON DELETE CASCADE ON UPDATE CASCADE;\n");
        keys.append("ALTER TABLE ").append(qualified).append(" ADD CONSTRAINT ").append(Sql.ident(table + "_B_fkey"))
                .append(" FOREIGN KEY (\"B\") REFERENCES ").append(qualified(b)).append(" (")
                .append(Sql.ident(column(bId))).append(") ON DELETE CASCADE ON UPDATE CASCADE;\n");
    }

    private Field singleId(Block m) {
        List<Field> ids = m.fields().stream().filter(f -> f.attribute("id").isPresent()).toList();
        if (ids.size() != 1) {
            throw error(m.position(), "model " + m.name() + " is in an implicit many-to-many relation, which needs a "
                    + "single @id field: use an explicit relation model for a compound id");
        }
        return ids.get(0);
    }

    // ---- values

    private static String stringValue(Expr value, String what) {
        if (value instanceof Str s) return s.value();
        if (value instanceof Call c && c.name().equals("env")) {
            return "";
        }
        throw error(value.position(), what + ": expected a string in double quotes");
    }

    private static String stringArg(Attribute a, String key) {
        Expr value = a.arg(null).or(() -> key == null ? Optional.empty() : a.arg(key))
                .orElseThrow(() -> error(a.position(), a.display() + " needs a name: " + a.display() + "(\"...\")"));
        return stringValue(value, a.display());
    }

    private static String nameValue(Expr value, String what) {
        if (value instanceof Name n) return n.name();
        throw error(value.position(), what + ": expected a name, e.g. Desc or Cascade");
    }

    private static List<String> stringList(Expr value, String what) {
        if (!(value instanceof ListExpr list)) throw error(value.position(), what + ": expected a list of strings");
        List<String> out = new ArrayList<>();
        for (Expr item : list.items()) out.add(stringValue(item, what));
        return out;
    }
}
