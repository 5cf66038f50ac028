package io.automigrate.catalog;

public enum ConstraintKind {
    PRIMARY_KEY,
    FOREIGN_KEY,
    UNIQUE,
    CHECK,
    EXCLUSION
}
