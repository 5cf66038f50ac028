package io.automigrate.source.prisma;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.db.RolledBack;
import io.automigrate.diff.DiffOptions;
import io.automigrate.diff.KeptObjects;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.diff.SchemaDiffer;
import io.automigrate.inspect.CatalogInspector;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database that holds what Prisma cannot express (a function, a trigger, a view, a check constraint, a partial
 * index, a domain, a free-standing sequence) next to the tables of its schema.prisma: planning against the Prisma
 * schema keeps them instead of dropping them, while an index that schema.prisma no longer declares is dropped.
 */
class PrismaKeptObjectsTest {
    private static final String PRISMA = """
            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }

            model Account {
              id      Int    @id @default(autoincrement())
              email   String @unique
              balance Int    @default(0)
            }
            """;

    private static final String HAND_WRITTEN = """
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER account_touch BEFORE UPDATE ON "Account" FOR EACH ROW EXECUTE FUNCTION touch();
            CREATE VIEW rich AS SELECT id FROM "Account" WHERE balance > 1000;
            ALTER TABLE "Account" ADD CONSTRAINT balance_positive CHECK (balance >= 0);
            CREATE INDEX account_rich ON "Account" (id) WHERE balance > 1000;
            CREATE INDEX account_lower_email ON "Account" (lower(email));
            CREATE DOMAIN cents AS integer CHECK (VALUE >= 0);
            CREATE SEQUENCE invoice_numbers;
            """;

    @Test
    void objects_prisma_cannot_express_are_kept_and_a_removed_index_is_dropped() {
        PrismaMapping.Result mapped = PrismaSchema.fromText("schema.prisma", PRISMA);
        Catalog desired = catalog(mapped.sql());
        Catalog live = catalog(mapped.sql() + HAND_WRITTEN + "CREATE INDEX \"Account_balance_idx\" ON \"Account\" (balance);\n");

        SchemaDiff diff = SchemaDiffer.diff(live, desired, DiffOptions.defaults());
        KeptObjects.Result result = KeptObjects.keep(diff, ref -> PrismaSchema.models(ref, live, mapped.listsExtensions()));

        List<String> kept = result.kept().stream().map(ObjectRef::toString).sorted().toList();
        assertEquals(List.of("constraint public.Account.balance_positive", "index public.account_lower_email",
                "index public.account_rich", "routine public.touch", "sequence public.invoice_numbers",
                "trigger public.Account.account_touch", "type public.cents", "view public.rich"), kept);
        List<String> left = result.diff().changes().stream().map(c -> c.action() + " " + c.target()).toList();
        assertEquals(List.of("DROP index public.Account_balance_idx"), left);
    }

    @Test
    void without_unmodelled_objects_nothing_is_kept() {
        PrismaMapping.Result mapped = PrismaSchema.fromText("schema.prisma", PRISMA);
        Catalog desired = catalog(mapped.sql());
        SchemaDiff diff = SchemaDiffer.diff(desired, desired, DiffOptions.defaults());
        KeptObjects.Result result = KeptObjects.keep(diff, ref -> PrismaSchema.models(ref, desired, false));
        assertTrue(result.kept().isEmpty());
        assertTrue(result.diff().isEmpty());
    }

    private static Catalog catalog(String sql) {
        try (ShadowDatabase database = TestPostgres.newDatabase("prisma_kept")) {
            return RolledBack.run(database.url(), connection -> {
                try (var st = connection.createStatement()) {
                    st.setEscapeProcessing(false);
                    st.execute(sql);
                }
                return CatalogInspector.inspect(connection, InspectOptions.all());
            });
        }
    }
}
