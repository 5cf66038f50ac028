package io.automigrate.catalog;

public enum RoutineKind {
    FUNCTION,
    PROCEDURE
}
