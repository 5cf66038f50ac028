package io.automigrate.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times every query the inspector runs, through a {@link Connection} that wraps the real one: for each prepared
 * query, the time in {@code executeQuery} (the server plans and runs it and the driver receives every row) and the
 * time until its result set is closed (adds the inspector's reading of the rows into records).
 */
final class QueryProfile {
    /** One query as the inspector ran it. */
    record Query(String kind, String sql, List<Object> parameters, double executeMillis, double totalMillis,
                 int rows) {
        Query {
            parameters = List.copyOf(parameters);
        }
    }

    /** Which object kind a catalog query reads, recognised by a fragment only that query has. */
    private record Signature(String kind, String fragment) {
    }

    private static final List<Signature> SIGNATURES = List.of(
            new Signature("dependencies", "FROM pg_depend d"),
            new Signature("columns", "FROM pg_attribute a"),
            new Signature("constraints", "FROM pg_constraint k JOIN"),
            new Signature("indexes", "pg_get_indexdef("),
            new Signature("views", "pg_get_viewdef("),
            new Signature("functions", "pg_get_functiondef("),
            new Signature("triggers", "pg_get_triggerdef("),
            new Signature("policies", "FROM pg_policy"),
            new Signature("sequences", "JOIN pg_sequence s ON s.seqrelid = c.oid"),
            new Signature("enums", "typtype = 'e'"),
            new Signature("composite types", "typtype = 'c'"),
            new Signature("domains", "typtype = 'd'"),
            new Signature("extensions", "FROM pg_extension"),
            new Signature("tables", "partition_key"),
            new Signature("schemas", "FROM pg_namespace n WHERE"),
            new Signature("session settings", "search_path"));

    private final List<Query> queries = new ArrayList<>();

    /** A connection that records the queries prepared on it into this profile. */
    Connection wrap(Connection connection) {
        return proxy(Connection.class, (proxy, method, args) -> {
            Object result = invoke(connection, method, args);
            if (result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")) {
                return statement((String) args[0], statement);
            }
            return result;
        });
    }

    List<Query> queries() {
        return List.copyOf(queries);
    }

    static String kindOf(String sql) {
        for (Signature signature : SIGNATURES) {
            if (sql.contains(signature.fragment())) {
                return signature.kind();
            }
        }
        String oneLine = sql.replaceAll("\\s+", " ").strip();
        return "other: " + oneLine.substring(0, Math.min(50, oneLine.length())).toLowerCase(Locale.ROOT);
    }

    private PreparedStatement statement(String sql, PreparedStatement statement) {
        List<Object> parameters = new ArrayList<>();
        return proxy(PreparedStatement.class, (proxy, method, args) -> {
            if (method.getName().equals("setArray")) {
                // kept as plain values: the Array belongs to this connection
                parameters.add(((Array) args[1]).getArray());
            } else if (method.getName().equals("setObject") && args.length == 2) {
                parameters.add(args[1]);
            }
            if (!method.getName().equals("executeQuery") || (args != null && args.length > 0)) {
                return invoke(statement, method, args);
            }
            long start = System.nanoTime();
            ResultSet resultSet = (ResultSet) invoke(statement, method, args);
            long executed = System.nanoTime();
            return resultSet(sql, List.copyOf(parameters), start, executed, resultSet);
        });
    }

    private ResultSet resultSet(String sql, List<Object> parameters, long start, long executed,
                                ResultSet resultSet) {
        int[] rows = {0};
        boolean[] closed = {false};
        return proxy(ResultSet.class, (proxy, method, args) -> {
            Object result = invoke(resultSet, method, args);
            if (method.getName().equals("next") && Boolean.TRUE.equals(result)) {
                rows[0]++;
            } else if (method.getName().equals("close") && !closed[0]) {
                closed[0] = true;
                long end = System.nanoTime();
                queries.add(new Query(kindOf(sql), sql, parameters, (executed - start) / 1e6, (end - start) / 1e6,
                        rows[0]));
            }
            return result;
        });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(QueryProfile.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
