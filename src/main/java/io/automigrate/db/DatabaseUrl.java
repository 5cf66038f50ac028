package io.automigrate.db;

import io.automigrate.AutomigrateException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A PostgreSQL connection URL as users write it ({@code postgresql://user:password@host:5432/db?sslmode=require},
 * {@code postgres://...} or {@code jdbc:postgresql://...}). The password is kept apart and never printed:
 * {@link #toString()} and {@link #display()} show the URL without it.
 */
public final class DatabaseUrl {
    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final Map<String, String> parameters;

    private DatabaseUrl(String host, int port, String database, String user, String password,
                        Map<String, String> parameters) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.parameters = Map.copyOf(parameters);
    }

    public static boolean looksLikeUrl(String text) {
        return text.startsWith("postgresql://") || text.startsWith("postgres://")
                || text.startsWith("jdbc:postgresql://");
    }

    public static DatabaseUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw AutomigrateException.badInput("empty database URL: expected postgresql://user:password@host:5432/db");
        }
        String raw = text.strip();
        if (raw.startsWith("jdbc:")) {
            raw = raw.substring(5);
        }
        if (!looksLikeUrl(raw)) {
            throw AutomigrateException.badInput("not a PostgreSQL URL: expected postgresql://user:password@host:5432/db");
        }
        String problem = null;
        URI uri = null;
        try {
            uri = new URI(raw.replaceFirst("^postgres(ql)?://", "postgresql://"));
        } catch (URISyntaxException e) {
            // Its message would echo the URL, password included.
            problem = "is malformed (check for characters that need percent-encoding in the user or password)";
        }
        if (uri == null || uri.getHost() == null || uri.getHost().isEmpty()) {
            String found = problem(raw.substring(raw.indexOf("://") + 3));
            problem = found != null ? found : problem != null ? problem : "has no host";
        } else if (uri.getPort() > 65535) {
            problem = "has port '" + uri.getPort() + "', which is not a number from 1 to 65535";
        }
        if (problem != null) {
            throw AutomigrateException.badInput("PostgreSQL URL " + problem + ": expected "
                    + "postgresql://user:password@host:5432/db");
        }
        String host = uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = decode(path.startsWith("/") ? path.substring(1) : path);
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                switch (key) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    default -> params.put(key, value);
                }
            }
        }
        if (database.isEmpty()) {
            database = user != null ? user : "postgres";
        }
        io.automigrate.Secrets.register(password);
        return new DatabaseUrl(host, port, database, user, password, params);
    }

    /**
     * What makes the part after {@code scheme://} unreadable, in words that never hold the password: a character of
     * the user or password that ends a URL's authority unless percent-encoded, or a port that is not one. Null when
     * neither.
     */
    private static String problem(String rest) {
        int at = rest.lastIndexOf('@');
        String hostPart = rest;
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            int colon = userInfo.indexOf(':');
            for (int i = 0; i < userInfo.length(); i++) {
                char c = userInfo.charAt(i);
                String encoded = c == '/' ? "%2F" : c == '#' ? "%23" : c == '?' ? "%3F" : null;
                if (encoded != null) {
                    return "has an unencoded '" + c + "' in its " + (colon >= 0 && i > colon ? "password" : "user name")
                            + ": write it as " + encoded + " (percent-encode '/', '#', '?', '@', ':' and '%' in the "
                            + "user and password)";
                }
            }
            hostPart = rest.substring(at + 1);
        }
        String authority = hostPart.split("[/?#]", 2)[0];
        int colon = authority.lastIndexOf(':');
        if (colon < 0 || authority.endsWith("]") || authority.startsWith("[") && authority.lastIndexOf(']') > colon) {
            return null;
        }
        String port = authority.substring(colon + 1);
        if (port.isEmpty()) return null;
        boolean number = port.chars().allMatch(Character::isDigit) && port.length() <= 5;
        if (!number || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            return "has port '" + port + "', which is not a number from 1 to 65535";
        }
        return null;
    }

    public static DatabaseUrl of(String host, int port, String database, String user, String password) {
        io.automigrate.Secrets.register(password);
        return new DatabaseUrl(host, port, database, user, password, Map.of());
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    /** The password, for the driver only. */
    public String password() {
        return password;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    /** The same server, another database. */
    public DatabaseUrl withDatabase(String otherDatabase) {
        return new DatabaseUrl(host, port, otherDatabase, user, password, parameters);
    }

    /** The same URL with one more driver parameter, e.g. {@code preferQueryMode=simple}. */
    public DatabaseUrl withParameter(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(parameters);
        more.put(key, value);
        return new DatabaseUrl(host, port, database, user, password, more);
    }

    /** JDBC URL without credentials; they go in {@link #jdbcProperties()}. */
    public String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(hostForUrl()).append(':').append(port)
                .append('/').append(java.net.URLEncoder.encode(database, StandardCharsets.UTF_8));
        if (!parameters.isEmpty()) {
            url.append('?');
            parameters.forEach((k, v) -> url.append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=').append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
            url.setLength(url.length() - 1);
        }
        return url.toString();
    }

    public Properties jdbcProperties() {
        Properties props = new Properties();
        if (user != null) props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        props.setProperty("ApplicationName", "automigrate");
        return props;
    }

    private String hostForUrl() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** {@code postgresql://user@host:port/db}: safe to print. */
    public String display() {
        return "postgresql://" + (user == null ? "" : user + "@") + hostForUrl() + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return display();
    }
}
