package kanade.backend.store;

/** A stream message that could not be decoded or validated: kept with its raw bytes and the error. */
public record DeadLetter(String stream, long streamSeq, String subject, byte[] raw, String error) {
}
