package io.automigrate.catalog;

/** Kinds of catalog objects, as named in dependencies, changes and messages. */
public enum ObjectKind {
    SCHEMA,
    EXTENSION,
    /** Enum, composite type or domain. */
    TYPE,
    SEQUENCE,
    TABLE,
    COLUMN,
    CONSTRAINT,
    INDEX,
    /** Plain or materialized view. */
    VIEW,
    /** Function or procedure. */
    ROUTINE,
    TRIGGER,
    /** A rewrite rule (CREATE RULE) on a table or view. */
    RULE,
    POLICY,
    /** A collation made with CREATE COLLATION. */
    COLLATION
}
