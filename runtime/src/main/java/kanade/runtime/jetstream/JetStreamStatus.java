package kanade.runtime.jetstream;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the state of every resource in a layout: present or missing, messages, bytes and limits. */
public final class JetStreamStatus {
    private static final int NOT_FOUND = 10059;

    private JetStreamStatus() {
    }

    /** One row of {@code kanade jetstream status}. */
    public record Row(String kind, String name, String backingStream, boolean present, long messages, long bytes,
                      long maxBytes, String maxAge, long maxMsgsPerSubject) {
    }

    /** The rows for every stream, bucket and object store of {@code layout}. */
    public static List<Row> read(Connection connection, JetStreamLayout layout) throws IOException, JetStreamApiException {
        List<Row> rows = new ArrayList<>();
        for (StreamSpec spec : layout.streams()) {
            rows.add(row(connection, "stream", spec.name(), spec.name()));
        }
        for (BucketSpec bucket : layout.buckets()) {
            rows.add(row(connection, "kv", bucket.name(), "KV_" + bucket.name()));
        }
        for (String store : layout.objectStores()) {
            rows.add(row(connection, "object", store, "OBJ_" + store));
        }
        return rows;
    }

    private static Row row(Connection connection, String kind, String name, String stream)
            throws IOException, JetStreamApiException {
        try {
            StreamInfo info = connection.jetStreamManagement().getStreamInfo(stream);
            StreamConfiguration c = info.getConfiguration();
            return new Row(kind, name, stream, true, info.getStreamState().getMsgCount(), info.getStreamState().getByteCount(),
                    c.getMaxBytes(), c.getMaxAge() == null || c.getMaxAge().isZero() ? "-" : c.getMaxAge().toDays() + "d",
                    c.getMaxMsgsPerSubject());
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != NOT_FOUND) {
                throw e;
            }
            return new Row(kind, name, stream, false, 0, 0, 0, "-", 0);
        }
    }
}
