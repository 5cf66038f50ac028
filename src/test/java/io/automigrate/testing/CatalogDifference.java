package io.automigrate.testing;

import io.automigrate.catalog.Catalog;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Says how two catalogs differ, one line per differing field: which object, which field, expected vs actual.
 * Walks the catalog records generically, matching list elements by their identity ({@code ref()},
 * {@code qualifiedName()} or {@code name()}), so a missing column reads as such and not as two long lists.
 */
public final class CatalogDifference {

    private static final int MAX_LINES = 60;

    private CatalogDifference() {
    }

    /** Lines such as {@code table public.users > column email > type: expected 'bigint' but was 'integer'}. */
    public static List<String> describe(Catalog expected, Catalog actual) {
        List<String> out = new ArrayList<>();
        compare("catalog", expected, actual, out);
        if (out.isEmpty() && !expected.equals(actual)) {
            out.add("catalogs differ, but no field-level difference was found (check equals of the records)");
        }
        if (out.size() > MAX_LINES) {
            int more = out.size() - MAX_LINES;
            out = new ArrayList<>(out.subList(0, MAX_LINES));
            out.add("... and " + more + " more differences");
        }
        return out;
    }

    private static void compare(String path, Object expected, Object actual, List<String> out) {
        if (Objects.equals(expected, actual)) {
            return;
        }
        if (expected != null && actual != null && expected.getClass() == actual.getClass()
                && expected.getClass().isRecord() && !isIdentityRecord(expected)) {
            for (RecordComponent component : expected.getClass().getRecordComponents()) {
                compare(path + " > " + component.getName(), read(component.getAccessor(), expected),
                        read(component.getAccessor(), actual), out);
            }
            return;
        }
        if (expected instanceof List<?> e && actual instanceof List<?> a && keyed(e) && keyed(a)) {
            compareKeyed(path, e, a, out);
            return;
        }
        out.add(path + ": expected " + show(expected) + " but was " + show(actual));
    }

    private static void compareKeyed(String path, List<?> expected, List<?> actual, List<String> out) {
        Map<String, Object> byKeyExpected = byKey(expected);
        Map<String, Object> byKeyActual = byKey(actual);
        // The element's key names its kind ("column email"), so the list's own name is left out of the path.
        String owner = path.substring(0, Math.max(0, path.lastIndexOf(" > ")));
        String where = owner.equals("catalog") ? "" : owner + ": ";
        String prefix = owner.equals("catalog") ? "" : owner + " > ";
        for (Map.Entry<String, Object> entry : byKeyExpected.entrySet()) {
            Object other = byKeyActual.get(entry.getKey());
            if (other == null) {
                out.add(where + "missing " + entry.getKey() + " (expected " + show(entry.getValue()) + ")");
            } else {
                compare(prefix + entry.getKey(), entry.getValue(), other, out);
            }
        }
        for (Map.Entry<String, Object> entry : byKeyActual.entrySet()) {
            if (!byKeyExpected.containsKey(entry.getKey())) {
                out.add(where + "unexpected " + entry.getKey() + " (was " + show(entry.getValue()) + ")");
            }
        }
    }

    private static Map<String, Object> byKey(List<?> items) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Object item : items) {
            String key = key(item);
            // Two elements with one key (overloads with equal refs should not happen): keep both visible.
            while (map.containsKey(key)) {
                key = key + "'";
            }
            map.put(key, item);
        }
        return map;
    }

    private static boolean keyed(List<?> items) {
        return items.stream().allMatch(i -> i != null && i.getClass().isRecord() && key(i) != null);
    }

    /** Records such as QualifiedName and ObjectRef are values: show them whole. */
    private static boolean isIdentityRecord(Object value) {
        String name = value.getClass().getSimpleName();
        return name.equals("QualifiedName") || name.equals("ObjectRef") || name.equals("Grant");
    }

    private static String key(Object item) {
        String kind = item.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        for (String accessor : List.of("ref", "qualifiedName", "name")) {
            Method m = method(item, accessor);
            if (m != null) {
                Object value = read(m, item);
                String text = String.valueOf(value);
                // ObjectRef prints its own kind first.
                return accessor.equals("ref") ? text : kind + " " + text;
            }
        }
        return null;
    }

    private static Method method(Object item, String name) {
        try {
            Method m = item.getClass().getMethod(name);
            return m.getParameterCount() == 0 ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Object read(Method accessor, Object target) {
        try {
            return accessor.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }

    private static String show(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        if (value instanceof Character ch) {
            return "'" + ch + "'";
        }
        return value.toString();
    }
}
