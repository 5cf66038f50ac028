package io.automigrate.diff;

import io.automigrate.catalog.Index;
import io.automigrate.catalog.QualifiedName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The names PostgreSQL gives its copies of a parent's index on a new partition (checked against PostgreSQL 17). */
class IndexCopyNamesTest {
    private static Index index(String definition) {
        return new Index("public", "parent_idx", QualifiedName.of("public", "visits"), definition, false, null);
    }

    @Test
    void columnsFunctionCallsAndOtherExpressionsNameTheCopy() {
        assertEquals(List.of("page", "lower", "expr", "Visited On", "page1", "referrer"), IndexCopyNames.columnNames(
                "CREATE INDEX parent_idx ON ONLY public.visits USING btree (page text_pattern_ops DESC, lower(page),"
                        + " ((hits + 1)), \"Visited On\" NULLS FIRST, page) INCLUDE (referrer) WHERE (hits > 0)"));
        assertNull(IndexCopyNames.columnNames("CREATE INDEX x ON t"));
    }

    @Test
    void aLongNameIsShortenedFromItsLongerPartAndATakenOneIsNumbered() {
        Index parent = index("CREATE INDEX parent_idx ON ONLY public.visits USING btree (lower(station), taken_on)");
        String table = "weather_readings_by_station_in_the_year_2026_all_stations";
        String first = IndexCopyNames.copyName(parent, table, Set.of());
        assertEquals("weather_readings_by_station_in_the_year_2026_lower_taken_on_idx", first);
        assertEquals("weather_readings_by_station_in_the_year_202_lower_taken_on_idx1",
                IndexCopyNames.copyName(parent, table, Set.of(first)));
        assertEquals("visits_2026_page_idx", IndexCopyNames.copyName(
                index("CREATE INDEX p ON ONLY public.visits USING btree (page)"), "visits_2026", Set.of()));
    }
}
