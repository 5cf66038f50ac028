package io.automigrate.sql;

import io.automigrate.diff.Change;

import java.util.List;

/** Renders the changes of {@link io.automigrate.diff.ProgrammableObjects}. */
public final class ProgrammableSql implements ChangeRenderer {
    /** Placeholder until this family lands: renders nothing. */
    @Override
    public List<Statement> render(Change change) {
        return null;
    }
}
