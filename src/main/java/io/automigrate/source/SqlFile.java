package io.automigrate.source;

import io.automigrate.AutomigrateException;

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

/** A SQL file of a schema source; {@code displayName} is its path as the user wrote it, used in every message. */
public record SqlFile(String displayName, Path path) {

    /**
     * The file's text. It must be UTF-8; a byte-order mark becomes a space so that offsets still match the file.
     */
    public String read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw AutomigrateException.badInput(displayName + ": file not found");
        } catch (IOException e) {
            throw AutomigrateException.badInput(displayName + ": cannot read the file: " + e.getMessage());
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') line++;
            }
            throw AutomigrateException.badInput(String.format(
                    "%s:%d: not valid UTF-8 (byte 0x%02X at byte offset %d): save the file as UTF-8",
                    displayName, line, bytes[offset] & 0xff, offset));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? " " + text.substring(1) : text;
    }
}
