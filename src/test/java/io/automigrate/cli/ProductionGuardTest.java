package io.automigrate.cli;

import io.automigrate.AutomigrateException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Production asks a person at a terminal to type its name, and never asks a CI job. */
class ProductionGuardTest {
    @Test
    void onlyAPersonAtATerminalIsAsked() {
        assertTrue(DeployOptions.asksConfirmation(true, null));
        assertTrue(DeployOptions.asksConfirmation(true, "false"));
        assertFalse(DeployOptions.asksConfirmation(true, "true"));
        assertFalse(DeployOptions.asksConfirmation(true, "1"));
        assertFalse(DeployOptions.asksConfirmation(false, null));
    }

    @Test
    void theNameMustBeTypedExactly() {
        assertDoesNotThrow(() -> DeployOptions.checkConfirmation(" production\n", "production"));
        AutomigrateException wrong = assertThrows(AutomigrateException.class,
                () -> DeployOptions.checkConfirmation("prod", "production"));
        assertEquals(2, wrong.exitCode().code());
        assertTrue(wrong.getMessage().contains("not confirmed: you typed 'prod', not 'production'"), wrong.getMessage());
        assertThrows(AutomigrateException.class, () -> DeployOptions.checkConfirmation(null, "production"));
    }
}
