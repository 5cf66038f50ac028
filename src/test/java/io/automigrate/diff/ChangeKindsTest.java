package io.automigrate.diff;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeKindsTest {
    @Test
    void changeIsSealedOverRecordsAndTheVisitorHasOneMethodForEach() {
        assertTrue(Change.class.isSealed());
        Set<Class<?>> permitted = Set.of(Change.class.getPermittedSubclasses());
        for (Class<?> kind : permitted) {
            assertTrue(kind.isRecord(), kind + " is a record");
        }
        Set<Class<?>> visited = Arrays.stream(ChangeVisitor.class.getDeclaredMethods())
                .filter(m -> m.getName().equals("visit")).map(Method::getParameterTypes)
                .map(types -> types[0]).collect(Collectors.toSet());
        assertEquals(permitted, visited);
    }

    @Test
    void recordNamesSayCreateDropAlterOrWhatTheyDo() {
        // One vocabulary: a verb first, never the XExists(action, ...) style.
        for (Class<?> kind : Change.class.getPermittedSubclasses()) {
            String name = kind.getSimpleName();
            assertTrue(name.matches("(Create|Drop|Alter|Rename|Replace|Recreate|Refresh)[A-Z].*"), name);
            assertTrue(Arrays.stream(kind.getRecordComponents()).noneMatch(c -> c.getType() == ChangeAction.class),
                    name + " takes no action component");
        }
    }
}
