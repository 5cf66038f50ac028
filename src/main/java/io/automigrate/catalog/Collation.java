package io.automigrate.catalog;

/**
 * A collation made with {@code CREATE COLLATION}. {@code provider} is {@code libc}, {@code icu} or {@code builtin};
 * {@code locale} is the ICU or builtin locale (null for libc), {@code lcCollate}/{@code lcCtype} the libc ones (null
 * otherwise); {@code rules} are ICU tailoring rules, or null.
 */
public record Collation(String schema, String name, String provider, String locale, String lcCollate,
                        String lcCtype, boolean deterministic, String rules, String comment) {
    public QualifiedName qualifiedName() {
        return new QualifiedName(schema, name);
    }

    public ObjectRef ref() {
        return ObjectRef.of(ObjectKind.COLLATION, qualifiedName());
    }

    /** The same collation without its comment: what cannot be changed without re-creating it. */
    public Collation definition() {
        return new Collation(schema, name, provider, locale, lcCollate, lcCtype, deterministic, rules, null);
    }
}
