package kanade.backend.store;

import org.jdbi.v3.core.mapper.reflect.ColumnName;

/** A stream message that could not be decoded or validated: kept with its raw bytes and the error. */
public record DeadLetter(String stream, long streamSeq, String subject, @ColumnName("raw_base64") byte[] raw, String error) {
}
