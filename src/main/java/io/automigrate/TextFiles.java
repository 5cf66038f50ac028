package io.automigrate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the user's text files (schemas, migrations, configuration): UTF-8 only, errors with file and line. */
public final class TextFiles {
    private TextFiles() {
    }

    /** The file's text; {@code shown} is its path as the user knows it. Missing, unreadable or non-UTF-8 → exit 2. */
    public static String readUtf8(Path path, String shown) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw AutomigrateException.badInput(shown + ": file not found");
        } catch (IOException e) {
            throw AutomigrateException.badInput(shown + ": cannot read: " + e.getMessage());
        }
        for (int i = 0; i < bytes.length; i++) {
            // NUL is valid UTF-8, but no SQL, YAML or migration text holds one: PostgreSQL would refuse the text with
            // "invalid message format", which names nothing.
            if (bytes[i] == 0) {
                int line = 1;
                for (int j = 0; j < i; j++) if (bytes[j] == '\n') line++;
                throw AutomigrateException.badInputAt(new AutomigrateException.Location(shown, line, 0),
                        "is a binary file (a NUL byte at offset " + i
                        + "), not text: point at the SQL text file, or save it as UTF-8 text");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            // On error the input stands at the first byte of the bad sequence.
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) if (bytes[i] == '\n') line++;
            throw AutomigrateException.badInputAt(new AutomigrateException.Location(shown, line, 0),
                    "not UTF-8 (invalid byte at offset " + offset
                    + "): save the file as UTF-8");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
