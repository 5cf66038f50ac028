package io.automigrate.diff;

public enum ChangeAction {
    CREATE,
    DROP,
    ALTER
}
