package io.automigrate.inspect;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Index;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.catalog.Sequence;
import io.automigrate.catalog.SequenceOptions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequenceAndIndexInspectionTest {

    @Test
    void sequencesWithOptionsAndOwnerButNotIdentitySequences() {
        Catalog catalog = Inspect.ddl("""
                CREATE SEQUENCE counter AS integer START 10 INCREMENT -2 MINVALUE -100 MAXVALUE 50 CACHE 4 CYCLE;
                COMMENT ON SEQUENCE counter IS 'counts down';
                CREATE TABLE t (id serial, other bigint GENERATED ALWAYS AS IDENTITY, n int);
                CREATE SEQUENCE owned OWNED BY t.n;
                """);
        assertEquals(List.of("counter", "owned", "t_id_seq"),
                catalog.sequences().stream().map(Sequence::name).toList());
        Sequence counter = catalog.sequence(QualifiedName.of("public", "counter")).orElseThrow();
        assertEquals(new SequenceOptions("integer", 10, -2, -100, 50, 4, true), counter.options());
        assertNull(counter.ownedBy());
        assertEquals("counts down", counter.comment());
        Sequence serial = catalog.sequence(QualifiedName.of("public", "t_id_seq")).orElseThrow();
        assertEquals(ObjectRef.member(ObjectKind.COLUMN, QualifiedName.of("public", "t"), "id"), serial.ownedBy());
        assertEquals(ObjectRef.member(ObjectKind.COLUMN, QualifiedName.of("public", "t"), "n"),
                catalog.sequence(QualifiedName.of("public", "owned")).orElseThrow().ownedBy());
    }

    @Test
    void indexesThatAreNotConstraintsWithPartitionCopiesAttachedToTheirParent() {
        Catalog catalog = Inspect.ddl("""
                CREATE FUNCTION lower_code(text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT lower($1)';
                CREATE TABLE a (id int PRIMARY KEY, code text, span int4range,
                    CONSTRAINT a_code_key UNIQUE (code), EXCLUDE USING gist (span WITH &&));
                CREATE UNIQUE INDEX a_lower_code ON a (lower_code(code)) WHERE id > 0;
                CREATE UNIQUE INDEX a_code_id ON a (code, id);
                -- a foreign key's conindid points at the referenced table's index: it stays an index of a
                CREATE TABLE b (code text, id int, FOREIGN KEY (code, id) REFERENCES a (code, id));
                CREATE INDEX b_code ON b USING hash (code);
                COMMENT ON INDEX b_code IS 'lookups';
                CREATE TABLE p (k int, v int) PARTITION BY LIST (k);
                CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1);
                CREATE INDEX p_v ON p (v DESC NULLS LAST);
                CREATE INDEX p1_own ON p1 (k);
                CREATE MATERIALIZED VIEW m AS SELECT id FROM a;
                CREATE UNIQUE INDEX m_id ON m (id);
                """);
        assertEquals(List.of("a_code_id", "a_lower_code", "b_code", "m_id", "p1_own", "p1_v_idx", "p_v"),
                catalog.indexes().stream().map(Index::name).toList());
        // the partition's copy of the parent's index is modelled, attached to it; the partition's own is not
        assertEquals(QualifiedName.of("public", "p_v"),
                catalog.index(QualifiedName.of("public", "p1_v_idx")).orElseThrow().attachedTo());
        assertNull(catalog.index(QualifiedName.of("public", "p1_own")).orElseThrow().attachedTo());
        Index lower = catalog.index(QualifiedName.of("public", "a_lower_code")).orElseThrow();
        assertEquals("CREATE UNIQUE INDEX a_lower_code ON public.a USING btree (public.lower_code(code)) "
                + "WHERE (id > 0)", lower.definition());
        assertTrue(lower.unique());
        assertEquals(QualifiedName.of("public", "a"), lower.table());
        Index bCode = catalog.index(QualifiedName.of("public", "b_code")).orElseThrow();
        assertFalse(bCode.unique());
        assertEquals("lookups", bCode.comment());
        assertEquals("CREATE INDEX p_v ON ONLY public.p USING btree (v DESC NULLS LAST)",
                catalog.index(QualifiedName.of("public", "p_v")).orElseThrow().definition());
        assertEquals(QualifiedName.of("public", "m"),
                catalog.index(QualifiedName.of("public", "m_id")).orElseThrow().table());
    }
}
