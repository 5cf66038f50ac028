package io.automigrate.sql;

/**
 * One SQL statement, terminated by {@code ;}. {@code transactional} is false for statements PostgreSQL refuses
 * inside a transaction block ({@code CREATE INDEX CONCURRENTLY}, some {@code ALTER TYPE ... ADD VALUE}).
 */
public record Statement(String sql, boolean transactional) {
    public static Statement of(String sql) {
        return new Statement(sql, true);
    }

    public static Statement nonTransactional(String sql) {
        return new Statement(sql, false);
    }
}
