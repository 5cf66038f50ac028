package io.automigrate.inspect;

import io.automigrate.catalog.Grant;
import io.automigrate.catalog.QualifiedName;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The current row of a catalog query, with the conversions the readers need. */
final class Row {
    private final ResultSet resultSet;

    Row(ResultSet resultSet) {
        this.resultSet = resultSet;
    }

    String text(String column) throws SQLException {
        return resultSet.getString(column);
    }

    String text(int column) throws SQLException {
        return resultSet.getString(column);
    }

    boolean bool(String column) throws SQLException {
        return resultSet.getBoolean(column);
    }

    long number(String column) throws SQLException {
        return resultSet.getLong(column);
    }

    /** An oid or number that may be NULL. */
    Long optionalNumber(String column) throws SQLException {
        long value = resultSet.getLong(column);
        return resultSet.wasNull() ? null : value;
    }

    int integer(String column) throws SQLException {
        return resultSet.getInt(column);
    }

    /** A {@code "char"} column; {@code '\0'} when empty or NULL. */
    char character(String column) throws SQLException {
        String value = resultSet.getString(column);
        return value == null || value.isEmpty() ? '\0' : value.charAt(0);
    }

    /** A schema and a name column; null when the name is NULL (no such object). */
    QualifiedName name(String schemaColumn, String nameColumn) throws SQLException {
        String name = resultSet.getString(nameColumn);
        return name == null ? null : new QualifiedName(resultSet.getString(schemaColumn), name);
    }

    /** A one-dimensional {@code text[]} in its order; empty for NULL. */
    List<String> texts(String column) throws SQLException {
        return elements(column, String.class);
    }

    /** A one-dimensional {@code int[]} in its order; empty for NULL. */
    List<Integer> integers(String column) throws SQLException {
        return elements(column, Integer.class);
    }

    /** A two-dimensional {@code text[][]}: one list per inner array. */
    List<List<String>> rows(String column) throws SQLException {
        return elements(column, String[].class).stream().map(Arrays::asList).toList();
    }

    /**
     * Grants as built by {@link CatalogSql#grants}: {@code [grantee, privilege, 't'|'f']}, sorted. The same
     * privilege granted by several grantors is one grant, with grant option if any grantor gave it.
     */
    List<Grant> grants(String column) throws SQLException {
        Map<List<String>, Boolean> grantable = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (List<String> g : rows(column)) {
            grantable.merge(List.of(g.get(0), g.get(1)), "t".equals(g.get(2)), Boolean::logicalOr);
        }
        return grantable.entrySet().stream()
                .map(e -> new Grant(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .toList();
    }

    private <T> List<T> elements(String column, Class<T> type) throws SQLException {
        Array array = resultSet.getArray(column);
        if (array == null) {
            return List.of();
        }
        try {
            Object[] values = (Object[]) array.getArray();
            List<T> elements = new ArrayList<>(values.length);
            for (Object value : values) {
                elements.add(type.cast(value));
            }
            return elements;
        } finally {
            array.free();
        }
    }
}
