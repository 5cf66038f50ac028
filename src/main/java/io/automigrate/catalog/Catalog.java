package io.automigrate.catalog;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * An immutable snapshot of one database's schema. Every list is sorted by identity on construction, so two
 * catalogs of equal schemas are {@code equals} whatever order they were read in (column order aside: see
 * {@link #normalized()}).
 */
public record Catalog(List<Schema> schemas, List<Extension> extensions, List<EnumType> enums,
                      List<CompositeType> compositeTypes, List<Domain> domains, List<Sequence> sequences,
                      List<Table> tables, List<Index> indexes, List<View> views, List<Routine> routines,
                      List<Trigger> triggers, List<Policy> policies, List<Dependency> dependencies,
                      List<Collation> collations, List<Rule> rules, ServerFacts server,
                      List<UnmanagedObject> unmanaged) {

    public Catalog {
        schemas = sorted(schemas, Comparator.comparing(Schema::name));
        extensions = sorted(extensions, Comparator.comparing(Extension::name));
        enums = sorted(enums, Comparator.comparing(EnumType::qualifiedName));
        compositeTypes = sorted(compositeTypes, Comparator.comparing(CompositeType::qualifiedName));
        domains = sorted(domains, Comparator.comparing(Domain::qualifiedName));
        sequences = sorted(sequences, Comparator.comparing(Sequence::qualifiedName));
        tables = sorted(tables, Comparator.comparing(Table::qualifiedName));
        indexes = sorted(indexes, Comparator.comparing(Index::qualifiedName));
        views = sorted(views, Comparator.comparing(View::qualifiedName));
        routines = sorted(routines, Comparator.comparing(Routine::ref));
        triggers = sorted(triggers, Comparator.comparing(Trigger::ref));
        policies = sorted(policies, Comparator.comparing(Policy::ref));
        dependencies = sorted(dependencies, Comparator.naturalOrder());
        collations = sorted(collations, Comparator.comparing(Collation::qualifiedName));
        rules = sorted(rules, Comparator.comparing(Rule::ref));
        server = server == null ? ServerFacts.none() : server;
        unmanaged = sorted(unmanaged == null ? List.of() : unmanaged, Comparator.naturalOrder());
    }

    /** A catalog without objects of the kinds automigrate does not generate (see {@link UnmanagedObject}). */
    public Catalog(List<Schema> schemas, List<Extension> extensions, List<EnumType> enums,
                   List<CompositeType> compositeTypes, List<Domain> domains, List<Sequence> sequences,
                   List<Table> tables, List<Index> indexes, List<View> views, List<Routine> routines,
                   List<Trigger> triggers, List<Policy> policies, List<Dependency> dependencies,
                   List<Collation> collations, List<Rule> rules, ServerFacts server) {
        this(schemas, extensions, enums, compositeTypes, domains, sequences, tables, indexes, views, routines,
                triggers, policies, dependencies, collations, rules, server, List.of());
    }

    /** A catalog that was not read from a server (nothing is known of its casts or version), without rules. */
    public Catalog(List<Schema> schemas, List<Extension> extensions, List<EnumType> enums,
                   List<CompositeType> compositeTypes, List<Domain> domains, List<Sequence> sequences,
                   List<Table> tables, List<Index> indexes, List<View> views, List<Routine> routines,
                   List<Trigger> triggers, List<Policy> policies, List<Dependency> dependencies,
                   List<Collation> collations) {
        this(schemas, extensions, enums, compositeTypes, domains, sequences, tables, indexes, views, routines,
                triggers, policies, dependencies, collations, List.of(), ServerFacts.none());
    }

    public static Catalog empty() {
        return new Catalog(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * This catalog with table columns in name order and without dependencies or server facts: the form in which two
     * schemas are compared for convergence. Column order cannot be changed by ALTER and is not part of a schema's
     * meaning; dependencies are derived data; the server's casts and version are not the schema's.
     */
    public Catalog normalized() {
        List<Table> byColumnName = tables.stream()
                .map(t -> new Table(t.schema(), t.name(), t.unlogged(), t.partitionKey(), t.partitionOf(),
                        t.partitionBound(), t.inherits(), t.options(),
                        sorted(t.columns(), Comparator.comparing(Column::name)),
                        sorted(t.constraints(), Comparator.comparing(Constraint::name)),
                        t.rowSecurity(), t.forceRowSecurity(), t.comment(), t.grants(), t.replicaIdentity()))
                .toList();
        return new Catalog(schemas, extensions, enums, compositeTypes, domains, sequences, byColumnName, indexes,
                views, routines, triggers, policies, List.of(), collations, rules, ServerFacts.none(), unmanaged);
    }

    /**
     * This catalog without any GRANT or default privilege: the form compared when privileges are not (they are off
     * by default, since roles differ between environments).
     */
    public Catalog withoutGrants() {
        return withGrants(g -> false).withUnmanaged(unmanaged.stream().filter(u -> !u.privilege()).toList());
    }

    /** This catalog with {@code objects} as its objects of kinds automigrate does not generate. */
    public Catalog withUnmanaged(List<UnmanagedObject> objects) {
        return new Catalog(schemas, extensions, enums, compositeTypes, domains, sequences, tables, indexes, views,
                routines, triggers, policies, dependencies, collations, rules, server, objects);
    }

    /** This catalog with only the GRANTs {@code keep} accepts (repair leaves out grants to roles a database lacks). */
    public Catalog withGrants(java.util.function.Predicate<Grant> keep) {
        List<Schema> bareSchemas = schemas.stream().map(s -> new Schema(s.name(), s.comment(), kept(s.grants(), keep)))
                .toList();
        List<Sequence> bareSequences = sequences.stream()
                .map(s -> new Sequence(s.schema(), s.name(), s.options(), s.ownedBy(), s.comment(),
                        kept(s.grants(), keep)))
                .toList();
        List<Table> bareTables = tables.stream().map(t -> new Table(t.schema(), t.name(), t.unlogged(),
                t.partitionKey(), t.partitionOf(), t.partitionBound(), t.inherits(), t.options(),
                t.columns().stream().map(col -> new Column(col.name(), col.type(), col.collation(), col.notNull(),
                        col.defaultExpr(), col.identity(), col.generatedExpr(), col.local(), col.comment(),
                        kept(col.grants(), keep), col.storage())).toList(),
                t.constraints(), t.rowSecurity(), t.forceRowSecurity(), t.comment(), kept(t.grants(), keep),
                t.replicaIdentity())).toList();
        List<View> bareViews = views.stream().map(v -> new View(v.schema(), v.name(), v.materialized(),
                v.definition(), v.columns(), v.options(), v.withData(), v.comment(), kept(v.grants(), keep))).toList();
        List<Routine> bareRoutines = routines.stream().map(r -> new Routine(r.schema(), r.name(), r.kind(),
                r.identityArguments(), r.arguments(), r.result(), r.definition(), r.comment(), kept(r.grants(), keep)))
                .toList();
        return new Catalog(bareSchemas, extensions, enums, compositeTypes, domains, bareSequences, bareTables, indexes,
                bareViews, bareRoutines, triggers, policies, dependencies, collations, rules, server,
                unmanaged);
    }

    private static List<Grant> kept(List<Grant> grants, java.util.function.Predicate<Grant> keep) {
        return grants.stream().filter(keep).toList();
    }

    public Optional<Schema> schema(String name) {
        return Optional.ofNullable(lookup().schemas.get(name));
    }

    public Optional<Table> table(QualifiedName name) {
        return Optional.ofNullable(lookup().tables.get(name));
    }

    public Optional<View> view(QualifiedName name) {
        return Optional.ofNullable(lookup().views.get(name));
    }

    public Optional<Sequence> sequence(QualifiedName name) {
        return Optional.ofNullable(lookup().sequences.get(name));
    }

    public Optional<Index> index(QualifiedName name) {
        return Optional.ofNullable(lookup().indexes.get(name));
    }

    /** Objects that depend on {@code ref} directly (for a table, also those that depend on one of its columns). */
    public List<ObjectRef> dependentsOf(ObjectRef ref) {
        return dependencies.stream()
                .filter(d -> d.referenced().equals(ref)
                        || (ref.kind() == ObjectKind.TABLE && d.referenced().kind() == ObjectKind.COLUMN
                            && d.referenced().qualifiedName().equals(ref.qualifiedName())))
                .map(Dependency::dependent)
                .distinct()
                .sorted()
                .toList();
    }

    /** Number of objects of every kind, for messages and benchmarks. */
    public int objectCount() {
        int columns = tables.stream().mapToInt(t -> t.columns().size() + t.constraints().size()).sum();
        return schemas.size() + extensions.size() + enums.size() + compositeTypes.size() + domains.size()
                + sequences.size() + tables.size() + columns + indexes.size() + views.size() + routines.size()
                + triggers.size() + policies.size() + collations.size() + rules.size() + unmanaged.size();
    }

    /** Objects by name, built once per catalog: a diff looks names up once per table, key and index. */
    private record Lookup(Map<String, Schema> schemas, Map<QualifiedName, Table> tables, Map<QualifiedName, View> views,
                          Map<QualifiedName, Sequence> sequences, Map<QualifiedName, Index> indexes) {
        static Lookup of(Catalog c) {
            return new Lookup(byKey(c.schemas, Schema::name), byKey(c.tables, Table::qualifiedName),
                    byKey(c.views, View::qualifiedName), byKey(c.sequences, Sequence::qualifiedName),
                    byKey(c.indexes, Index::qualifiedName));
        }

        private static <T, K> Map<K, T> byKey(List<T> items, Function<T, K> key) {
            Map<K, T> map = new HashMap<>(items.size() * 2);
            for (T item : items) map.putIfAbsent(key.apply(item), item);
            return map;
        }
    }

    /**
     * Records cannot hold derived fields, so the lookups live beside them, keyed by identity (a catalog is immutable),
     * for the few catalogs in use at a time.
     */
    private static final Map<IdentityKey, Lookup> LOOKUPS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<IdentityKey, Lookup> eldest) {
            return size() > 8;
        }
    };

    private record IdentityKey(Catalog catalog) {
        @Override
        public boolean equals(Object other) {
            return other instanceof IdentityKey k && k.catalog == catalog;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(catalog);
        }
    }

    private Lookup lookup() {
        IdentityKey key = new IdentityKey(this);
        synchronized (LOOKUPS) {
            Lookup found = LOOKUPS.get(key);
            if (found != null) return found;
        }
        Lookup built = Lookup.of(this);
        synchronized (LOOKUPS) {
            LOOKUPS.put(key, built);
        }
        return built;
    }

    private static <T> List<T> sorted(List<T> items, Comparator<? super T> order) {
        return Stream.of(items).flatMap(List::stream).sorted(order).toList();
    }
}
