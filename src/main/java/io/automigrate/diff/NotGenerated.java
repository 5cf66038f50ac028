package io.automigrate.diff;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.UnmanagedObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Differences in objects of the kinds automigrate reads but does not generate (see {@link UnmanagedObject}). No
 * change is made for them, so the diff would be empty while the schemas differ: each difference is a note that says
 * what differs and what to write by hand, and plan refuses to call the schemas equal.
 */
public final class NotGenerated {
    private NotGenerated() {
    }

    /** One object that differs: {@code current} null when only the desired schema has it, {@code desired} the reverse. */
    public record Difference(UnmanagedObject current, UnmanagedObject desired) {
        public UnmanagedObject object() {
            return desired != null ? desired : current;
        }

        /** The desired schema has it, in another form or not at all on the current side. */
        public boolean wanted() {
            return desired != null;
        }

        public String message() {
            UnmanagedObject o = object();
            // PostgreSQL prints a statistics object's statement: name it, the user can copy it.
            String statement = !o.kind().equals("statistics") ? ""
                    : ": " + o.definition().replaceAll(" \\(statistics target .*\\)$", "") + ";";
            if (current == null) {
                return o.describe() + " is in the desired schema only, and automigrate does not generate "
                        + o.kind() + ": create it in a migration written by hand" + statement;
            }
            if (desired == null) {
                return o.describe() + " is in the current schema only, and automigrate does not drop " + o.kind()
                        + ": drop it in a migration written by hand, or add it to the desired schema";
            }
            return o.describe() + " differs (current: " + current.definition() + "; desired: " + desired.definition()
                    + "), and automigrate does not alter " + o.kind() + ": change it in a migration written by hand";
        }
    }

    /**
     * What differs between the two catalogs' objects of kinds not generated; default privileges only when
     * {@code withPrivileges}.
     */
    public static List<Difference> between(Catalog current, Catalog desired, boolean withPrivileges) {
        Map<String, UnmanagedObject> from = byName(current, withPrivileges);
        Map<String, UnmanagedObject> to = byName(desired, withPrivileges);
        TreeSet<String> names = new TreeSet<>(from.keySet());
        names.addAll(to.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String name : names) {
            UnmanagedObject a = from.get(name);
            UnmanagedObject b = to.get(name);
            if (a == null || !a.equals(b)) differences.add(new Difference(a, b));
        }
        return differences;
    }

    private static Map<String, UnmanagedObject> byName(Catalog catalog, boolean withPrivileges) {
        Map<String, UnmanagedObject> map = new TreeMap<>();
        for (UnmanagedObject o : catalog.unmanaged()) {
            if (withPrivileges || !o.privilege()) map.put(o.describe(), o);
        }
        return map;
    }
}
