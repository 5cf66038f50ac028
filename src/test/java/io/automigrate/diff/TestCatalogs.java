package io.automigrate.diff;

import io.automigrate.catalog.ReplicaIdentity;
import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Column;
import io.automigrate.catalog.Constraint;
import io.automigrate.catalog.ConstraintKind;
import io.automigrate.catalog.Dependency;
import io.automigrate.catalog.Grant;
import io.automigrate.catalog.Identity;
import io.automigrate.catalog.Index;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.catalog.Schema;
import io.automigrate.catalog.Sequence;
import io.automigrate.catalog.SequenceOptions;
import io.automigrate.catalog.Table;

import java.util.ArrayList;
import java.util.List;

/** Hand-built catalogs for unit tests of diff and render. */
public final class TestCatalogs {
    private final List<Schema> schemas = new ArrayList<>(List.of(new Schema("public", null, List.of())));
    private final List<Sequence> sequences = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private final List<Dependency> dependencies = new ArrayList<>();

    public static TestCatalogs catalog() {
        return new TestCatalogs();
    }

    public TestCatalogs schema(Schema schema) {
        schemas.add(schema);
        return this;
    }

    public TestCatalogs sequence(Sequence sequence) {
        sequences.add(sequence);
        return this;
    }

    public TestCatalogs table(Table table) {
        tables.add(table);
        return this;
    }

    public TestCatalogs index(Index index) {
        indexes.add(index);
        return this;
    }

    public TestCatalogs dependency(ObjectRef dependent, ObjectRef referenced) {
        dependencies.add(new Dependency(dependent, referenced));
        return this;
    }

    public Catalog build() {
        return new Catalog(schemas, List.of(), List.of(), List.of(), List.of(), sequences, tables, indexes, List.of(),
                List.of(), List.of(), List.of(), dependencies, List.of());
    }

    public static QualifiedName name(String table) {
        return new QualifiedName("public", table);
    }

    public static Table table(String name, List<Column> columns, Constraint... constraints) {
        return new Table("public", name, false, null, null, null, List.of(), List.of(), columns,
                List.of(constraints), false, false, null, List.of(), ReplicaIdentity.DEFAULT);
    }

    public static Column column(String name, String type) {
        return new Column(name, type, null, false, null, null, null, true, null, List.of());
    }

    public static Column notNull(String name, String type) {
        return new Column(name, type, null, true, null, null, null, true, null, List.of());
    }

    public static Column withDefault(String name, String type, String defaultExpr) {
        return new Column(name, type, null, true, defaultExpr, null, null, true, null, List.of());
    }

    public static Column identity(String name, String type, SequenceOptions options) {
        return new Column(name, type, null, true, null, new Identity(true, options), null, true, null, List.of());
    }

    public static Column granted(Column c, Grant... grants) {
        return new Column(c.name(), c.type(), c.collation(), c.notNull(), c.defaultExpr(), c.identity(),
                c.generatedExpr(), c.local(), c.comment(), List.of(grants));
    }

    public static SequenceOptions options(String type) {
        return new SequenceOptions(type, 1, 1, 1, SequenceDefaults.typeMax(type), 1, false);
    }

    public static Constraint primaryKey(String name, String... columns) {
        return new Constraint(name, ConstraintKind.PRIMARY_KEY, "PRIMARY KEY (" + String.join(", ", columns) + ")",
                List.of(columns), null, true, true, null);
    }

    public static Constraint check(String name, String definition, String... columns) {
        return new Constraint(name, ConstraintKind.CHECK, definition, List.of(columns), null, true, true, null);
    }

    public static Constraint foreignKey(String name, String column, String table, String referenced) {
        return new Constraint(name, ConstraintKind.FOREIGN_KEY,
                "FOREIGN KEY (" + column + ") REFERENCES " + table + "(" + referenced + ")", List.of(column),
                name(table), true, true, null);
    }
}
