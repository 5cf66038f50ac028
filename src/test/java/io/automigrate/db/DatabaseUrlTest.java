package io.automigrate.db;

import io.automigrate.AutomigrateException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A URL that cannot be read says what is wrong with it, never "has no host" for a host that is there. */
class DatabaseUrlTest {
    private static String refused(String url) {
        AutomigrateException e = assertThrows(AutomigrateException.class, () -> DatabaseUrl.parse(url));
        assertEquals(2, e.exitCode().code());
        return e.getMessage();
    }

    @Test
    void aBadPortIsNamed() {
        String message = refused("postgresql://app:secret@db.example.com:54x2/shop");
        assertTrue(message.contains("port '54x2'"), message);
        assertFalse(message.contains("has no host") || message.contains("secret"), message);
        String tooBig = refused("postgresql://app:secret@db.example.com:99999/shop");
        assertTrue(tooBig.contains("port '99999'") && tooBig.contains("65535"), tooBig);
    }

    @Test
    void unencodedSlashHashOrQuestionMarkInThePasswordIsNamed() {
        for (String[] c : new String[][] {{"/", "%2F"}, {"#", "%23"}, {"?", "%3F"}}) {
            String message = refused("postgresql://app:se" + c[0] + "cret@db.example.com:5432/shop");
            assertTrue(message.contains("'" + c[0] + "'") && message.contains(c[1]), message);
            assertTrue(message.contains("password"), message);
            assertFalse(message.contains("has no host") || message.contains("cret"), message);
        }
    }

    @Test
    void aUrlWithoutAHostStillSaysSo() {
        String message = refused("postgresql:///shop");
        assertTrue(message.contains("has no host"), message);
    }

    @Test
    void encodedCharactersStillParse() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:se%2F%23%3Fcret@db.example.com:6432/shop");
        assertEquals("se/#?cret", url.password());
        assertEquals(6432, url.port());
        assertEquals("db.example.com", url.host());
    }
}
