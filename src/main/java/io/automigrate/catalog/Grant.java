package io.automigrate.catalog;

/**
 * One privilege held by a grantee ({@code PUBLIC} for everyone), from {@code aclexplode}.
 * Privileges the owner holds implicitly are left out: owners differ between environments.
 * {@code privilege} is the SQL keyword: SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER,
 * USAGE, CREATE, EXECUTE.
 */
public record Grant(String grantee, String privilege, boolean withGrantOption) implements Comparable<Grant> {
    @Override
    public int compareTo(Grant other) {
        int c = grantee.compareTo(other.grantee);
        if (c != 0) return c;
        c = privilege.compareTo(other.privilege);
        return c != 0 ? c : Boolean.compare(withGrantOption, other.withGrantOption);
    }
}
