package kanade.agent.exec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns captured output bytes into text that is never larger, in UTF-8, than the capture cap: each run of invalid
 * bytes becomes one U+FFFD (so binary output does not triple in size), a multi-byte character cut by the cap is
 * dropped rather than replaced, and whatever still exceeds the cap is cut at a character boundary and flagged.
 */
final class Utf8Text {
    private static final char REPLACEMENT = '\uFFFD';

    /** The text and whether anything was cut (by the capture or here). */
    record Decoded(String text, boolean cut) {
    }

    private Utf8Text() {
    }

    /** Decodes {@code bytes}; {@code alreadyCut} says the capture dropped bytes after these. */
    static Decoded decode(byte[] bytes, int capBytes, boolean alreadyCut) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1); // every byte yields at most one char
        int afterLastReplacement = -1;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                break;
            }
            boolean atTheCut = alreadyCut && in.position() + result.length() == in.limit();
            in.position(in.position() + result.length());
            if (!atTheCut && out.position() != afterLastReplacement) {
                out.put(REPLACEMENT);
                afterLastReplacement = out.position();
            }
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return withinCap(text, capBytes, alreadyCut);
    }

    private static Decoded withinCap(String text, int capBytes, boolean alreadyCut) {
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > capBytes) {
                return new Decoded(text.substring(0, i), true);
            }
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return new Decoded(text, alreadyCut);
    }
}
