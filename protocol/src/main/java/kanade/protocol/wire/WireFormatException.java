package kanade.protocol.wire;

/** A wire message could not be decoded or broke one of its invariants; the message names the field. */
public final class WireFormatException extends RuntimeException {
    public WireFormatException(String message) {
        super(message);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
