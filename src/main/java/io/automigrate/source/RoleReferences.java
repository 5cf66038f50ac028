package io.automigrate.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The roles a script names (GRANT ... TO, REVOKE ... FROM, OWNER TO, CREATE POLICY ... TO, AUTHORIZATION,
 * FOR ROLE, SET ROLE). A throwaway server has none of the application's roles, so these are created there
 * before the script loads; a GRANT to a missing role would otherwise stop the load. Over-collecting is harmless
 * (an extra role on a throwaway server); missing one only brings back PostgreSQL's own error.
 */
public final class RoleReferences {
    private static final Set<String> NOT_ROLES = Set.of("public", "current_user", "session_user", "current_role",
            "group", "user", "role");

    private RoleReferences() {
    }

    public static Set<String> scan(String sql) {
        Set<String> roles = new TreeSet<>();
        for (List<SqlToken> statement : statements(sql)) {
            String first = statement.isEmpty() ? "" : statement.get(0).text();
            // GRANT and REVOKE are reserved words: anywhere in a statement (also ALTER DEFAULT PRIVILEGES ... GRANT)
            // they are the command, never a name.
            boolean grant = statement.stream().anyMatch(t -> t.isWord("grant"));
            boolean revoke = statement.stream().anyMatch(t -> t.isWord("revoke"));
            boolean policy = statement.size() > 1 && statement.get(1).isWord("policy");
            boolean roleGrant = first.equalsIgnoreCase("grant") || first.equalsIgnoreCase("revoke");
            if (roleGrant && statement.stream().noneMatch(t -> t.isWord("on"))) {
                collect(statement, 1, roles);   // GRANT role TO member: the granted names are roles too
            }
            for (int i = 0; i < statement.size(); i++) {
                SqlToken token = statement.get(i);
                boolean listFollows = (token.isWord("to") && (grant || policy || previousIs(statement, i, "owner")))
                        || (token.isWord("from") && revoke)
                        || token.isWord("authorization")
                        || (token.isWord("role") && (previousIs(statement, i, "for") || previousIs(statement, i, "set")))
                        || (token.isWord("user") && previousIs(statement, i, "for"));
                if (listFollows) {
                    collect(statement, i + 1, roles);
                }
            }
        }
        return roles;
    }

    private static boolean previousIs(List<SqlToken> statement, int i, String word) {
        return i > 0 && statement.get(i - 1).isWord(word);
    }

    /** {@code name [, name ...]}, skipping a leading GROUP keyword. */
    private static void collect(List<SqlToken> statement, int from, Set<String> roles) {
        int i = from;
        while (i < statement.size()) {
            SqlToken token = statement.get(i);
            if (token.isWord("group")) {
                i++;
                continue;
            }
            if (!token.isIdentifier()) return;
            String name = token.identifierName();
            if (!NOT_ROLES.contains(name) || token.kind() == SqlToken.Kind.QUOTED_IDENTIFIER) {
                roles.add(name);
            }
            if (i + 1 < statement.size() && statement.get(i + 1).isSymbol(',')) {
                i += 2;
            } else {
                return;
            }
        }
    }

    /** Non-comment tokens grouped by statement; dollar-quoted bodies are single string tokens, so never split. */
    private static List<List<SqlToken>> statements(String sql) {
        List<List<SqlToken>> statements = new ArrayList<>();
        List<SqlToken> current = new ArrayList<>();
        for (SqlToken token : SqlLexer.tokenize(sql)) {
            if (token.isComment()) continue;
            if (token.isSymbol(';')) {
                statements.add(current);
                current = new ArrayList<>();
            } else {
                current.add(token);
            }
        }
        statements.add(current);
        return statements;
    }
}
