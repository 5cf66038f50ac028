package io.automigrate.catalog;

/** An installed extension; objects that belong to it are never part of the catalog. */
public record Extension(String name, String schema, String version, String comment) {
    public ObjectRef ref() {
        return ObjectRef.extension(name);
    }
}
