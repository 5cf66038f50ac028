package io.automigrate.testing;

import io.automigrate.catalog.ReplicaIdentity;
import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Column;
import io.automigrate.catalog.EnumType;
import io.automigrate.catalog.Index;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.catalog.Table;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CatalogDifferenceTest {

    private static final QualifiedName USERS = QualifiedName.of("public", "users");

    @Test
    void namesTheObjectTheFieldAndBothValues() {
        Catalog expected = catalog(List.of(column("id", "bigint"), column("email", "text")),
                List.of("sad", "ok", "happy"), List.of(index("users_email_idx")));
        Catalog actual = catalog(List.of(column("id", "integer"), column("email", "text"), column("legacy", "text")),
                List.of("sad", "happy"), List.of());

        assertEquals(List.of(
                "type public.mood > labels: expected [sad, ok, happy] but was [sad, happy]",
                "table public.users > column id > type: expected 'bigint' but was 'integer'",
                "table public.users: unexpected column legacy (was " + column("legacy", "text") + ")",
                "missing index public.users_email_idx (expected "
                        + index("users_email_idx") + ")"),
                CatalogDifference.describe(expected, actual));
    }

    @Test
    void equalCatalogsHaveNoDifference() {
        Catalog one = catalog(List.of(column("id", "bigint")), List.of("a"), List.of());
        assertEquals(List.of(), CatalogDifference.describe(one, one));
    }

    private static Catalog catalog(List<Column> columns, List<String> labels, List<Index> indexes) {
        Table users = new Table("public", "users", false, null, null, null, List.of(), List.of(), columns, List.of(),
                false, false, null, List.of(), ReplicaIdentity.DEFAULT);
        return new Catalog(List.of(), List.of(), List.of(new EnumType("public", "mood", labels, null)), List.of(),
                List.of(), List.of(), List.of(users), indexes, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    private static Column column(String name, String type) {
        return new Column(name, type, null, false, null, null, null, true, null, List.of());
    }

    private static Index index(String name) {
        return new Index("public", name, USERS, "CREATE INDEX " + name + " ON public.users USING btree (email)",
                false, null);
    }
}
