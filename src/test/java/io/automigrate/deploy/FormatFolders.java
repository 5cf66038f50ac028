package io.automigrate.deploy;

import io.automigrate.migrate.MigrationFormat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The same three-migration history (users; posts referencing users, with a concurrent index; a column added) written
 * as each tool writes its folder, and the schema it gives. Flyway's folder also has a repeatable view and an undo
 * file; golang-migrate's and dbmate's have their down migrations.
 */
final class FormatFolders {
    private FormatFolders() {
    }

    static final String USERS = "CREATE TABLE users (\n    id bigint PRIMARY KEY,\n    email text NOT NULL\n);\n";
    static final String POSTS = "CREATE TABLE posts (\n    id bigint PRIMARY KEY,\n"
            + "    user_id bigint NOT NULL REFERENCES users (id),\n    title text NOT NULL\n);\n";
    static final String INDEX = "CREATE INDEX CONCURRENTLY posts_user_id_idx ON posts (user_id);\n";
    static final String NAME = "ALTER TABLE users ADD COLUMN name text;\n";

    /** What the history gives (Flyway adds its repeatable view: see {@link #schema}). */
    static String schema(MigrationFormat format) {
        String view = format == MigrationFormat.FLYWAY ? "CREATE VIEW user_names AS SELECT id, name FROM users;\n" : "";
        return "CREATE TABLE users (\n    id bigint PRIMARY KEY,\n    email text NOT NULL,\n    name text\n);\n"
                + POSTS + "CREATE INDEX posts_user_id_idx ON posts (user_id);\n" + view;
    }

    /** The folder's path inside the project. */
    static String dir(MigrationFormat format) {
        return switch (format) {
            case PRISMA -> "prisma/migrations";
            case FLYWAY -> "db/migration";
            case DRIZZLE -> "drizzle";
            default -> "db/migrations";
        };
    }

    /** automigrate.yml for the folder, with a staging environment read from STAGING_URL. */
    static String config(MigrationFormat format) {
        return "migrations:\n  dir: " + dir(format) + "\n  format: " + format.id() + "\n"
                + "environments:\n  staging:\n    url-env: STAGING_URL\n";
    }

    /** Files of the folder, relative to the project root, in the order they are written. */
    static Map<String, String> files(MigrationFormat format) {
        String d = dir(format) + "/";
        Map<String, String> f = new LinkedHashMap<>();
        switch (format) {
            case PRISMA -> {
                f.put(d + "migration_lock.toml", "provider = \"postgresql\"\n");
                f.put(d + "20240101000000_init/migration.sql", "-- CreateTable\n" + USERS);
                f.put(d + "20240102000000_posts/migration.sql", "-- CreateTable\n" + POSTS + "\n-- CreateIndex\n" + INDEX);
                f.put(d + "20240103000000_user_name/migration.sql", "-- AlterTable\n" + NAME);
            }
            case FLYWAY -> {
                f.put(d + "V1__init.sql", USERS);
                f.put(d + "U1__init.sql", "DROP TABLE users;\n");
                f.put(d + "V2__posts.sql", POSTS + INDEX);
                f.put(d + "V3__user_name.sql", NAME);
                f.put(d + "R__views.sql", "CREATE OR REPLACE VIEW user_names AS SELECT id, name FROM users;\n");
            }
            case GOLANG_MIGRATE -> {
                f.put(d + "000001_init.up.sql", USERS);
                f.put(d + "000001_init.down.sql", "DROP TABLE users;\n");
                f.put(d + "000002_posts.up.sql", POSTS + INDEX);
                f.put(d + "000002_posts.down.sql", "DROP TABLE posts;\n");
                f.put(d + "000003_user_name.up.sql", NAME);
                f.put(d + "000003_user_name.down.sql", "ALTER TABLE users DROP COLUMN name;\n");
            }
            case DBMATE -> {
                f.put(d + "20240101000000_init.sql", "-- migrate:up\n" + USERS + "\n-- migrate:down\nDROP TABLE users;\n");
                f.put(d + "20240102000000_posts.sql", "-- migrate:up transaction:false\n" + POSTS + INDEX
                        + "\n-- migrate:down\nDROP TABLE posts;\n");
                f.put(d + "20240103000000_user_name.sql", "-- migrate:up\n" + NAME
                        + "\n-- migrate:down\nALTER TABLE users DROP COLUMN name;\n");
            }
            case DRIZZLE -> {
                f.put(d + "0000_init.sql", USERS);
                f.put(d + "0001_posts.sql", POSTS + "--> statement-breakpoint\n" + INDEX);
                f.put(d + "0002_user_name.sql", NAME);
                f.put(d + "meta/_journal.json", """
                        {
                          "version": "7",
                          "dialect": "postgresql",
                          "entries": [
                            {"idx": 0, "version": "7", "when": 1704067200000, "tag": "0000_init", "breakpoints": true},
                            {"idx": 1, "version": "7", "when": 1704153600000, "tag": "0001_posts", "breakpoints": true},
                            {"idx": 2, "version": "7", "when": 1704240000000, "tag": "0002_user_name", "breakpoints": true}
                          ]
                        }
                        """);
            }
            case PLAIN -> {
                f.put(d + "001_init.sql", USERS);
                f.put(d + "002_posts.sql", POSTS + INDEX);
                f.put(d + "003_user_name.sql", NAME);
            }
            case LIQUIBASE -> throw new IllegalArgumentException("formatted SQL has its own tests");
        }
        return f;
    }

    /** The project: the folder, its configuration and the schema it gives. */
    static Project project(java.nio.file.Path root, MigrationFormat format) {
        Project p = new Project(root);
        p.file("automigrate.yml", config(format));
        p.file("db/schema.sql", schema(format));
        files(format).forEach(p::file);
        return p;
    }
}
