package io.automigrate.source;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoleReferencesTest {
    @Test
    void findsTheRolesThatGrantsOwnersAndPoliciesName() {
        String sql = """
                CREATE SCHEMA billing AUTHORIZATION billing_owner;
                CREATE TABLE billing.invoice (id bigint);
                ALTER TABLE billing.invoice OWNER TO "Billing Admin";
                GRANT SELECT, INSERT ON billing.invoice TO app_writer, GROUP readers WITH GRANT OPTION;
                GRANT USAGE ON SCHEMA billing TO PUBLIC;
                REVOKE ALL ON billing.invoice FROM legacy_app;
                CREATE POLICY own ON billing.invoice FOR SELECT TO tenant_user USING (true);
                ALTER DEFAULT PRIVILEGES FOR ROLE deployer IN SCHEMA billing GRANT SELECT ON TABLES TO auditor;
                GRANT billing_owner TO CURRENT_USER;
                """;
        assertEquals(Set.of("billing_owner", "Billing Admin", "app_writer", "readers", "legacy_app", "tenant_user",
                "deployer", "auditor"), RoleReferences.scan(sql));
        assertEquals(Set.of("reporting", "analyst"), RoleReferences.scan("GRANT reporting TO analyst;"));
    }

    @Test
    void wordsInsideStringsCommentsAndBodiesAreNotRoles() {
        String sql = """
                -- GRANT SELECT ON t TO commented_out;
                COMMENT ON TABLE t IS 'GRANT SELECT ON t TO in_a_string';
                CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$
                BEGIN EXECUTE 'GRANT SELECT ON t TO in_a_body'; END $$;
                UPDATE t SET moved_to = 'x';
                ALTER TABLE t RENAME TO t2;
                """;
        assertEquals(Set.of(), RoleReferences.scan(sql));
    }
}
