package io.automigrate.sql;

import io.automigrate.diff.Change;

import java.util.List;

/** Renders the changes of one family; {@link MigrationRenderer} asks each in turn. */
public interface ChangeRenderer {
    /** The statements that apply {@code change}, or null when the change is not of this renderer's family. */
    List<Statement> render(Change change);
}
