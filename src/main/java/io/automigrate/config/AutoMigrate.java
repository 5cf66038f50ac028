package io.automigrate.config;

import io.automigrate.AutomigrateException;

import java.util.Locale;
import java.util.Set;

/** {@code AUTO_MIGRATE}: the switch that turns apply off. One reading of it for every entry point. */
public final class AutoMigrate {
    public static final String VARIABLE = "AUTO_MIGRATE";
    private static final Set<String> OFF = Set.of("false", "0", "no", "off");
    private static final Set<String> ON = Set.of("true", "1", "yes", "on");

    private AutoMigrate() {
    }

    /**
     * True when {@code variables} switch apply off: {@code AUTO_MIGRATE} is ({@code false}, {@code 0}, {@code no}, {@code off}, any case);
     * unset, empty or {@code true}/{@code 1}/{@code yes}/{@code on} leave it on; anything else is an error (exit 2),
     * as a typo must neither deploy nor silently not.
     */
    public static boolean switchedOff(java.util.Map<String, String> variables) {
        return switchedOff(variables.get(VARIABLE));
    }

    /** The variable as {@code variables} set it ({@code AUTO_MIGRATE=off}), for the messages that say it is off. */
    public static String given(java.util.Map<String, String> variables) {
        String value = variables.get(VARIABLE);
        return VARIABLE + "=" + (value == null ? "" : value.strip());
    }

    /** {@link #switchedOff(java.util.Map)} of the variable's value. */
    public static boolean switchedOff(String value) {
        if (value == null || value.isBlank()) return false;
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (OFF.contains(v)) return true;
        if (ON.contains(v)) return false;
        throw AutomigrateException.badInput(VARIABLE + "='" + value.strip() + "': expected false, 0, no or off to switch "
                + "apply off, or true, 1, yes or on (or unset) to leave it on");
    }
}
