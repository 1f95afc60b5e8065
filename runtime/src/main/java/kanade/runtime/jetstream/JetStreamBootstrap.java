package kanade.runtime.jetstream;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.KeyValueManagement;
import io.nats.client.ObjectStoreManagement;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.ObjectStoreConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Creates every stream, KV bucket and object store in a layout, updates limits that can change in place, and
 * reports (never deletes) anything else that differs. Used by the backend at start and by {@code kanade jetstream setup}.
 */
public final class JetStreamBootstrap {
    private static final int STREAM_NOT_FOUND = 10059;
    private static final int INSUFFICIENT_STORAGE = 10047;

    private final Connection connection;
    private final JetStreamLayout layout;

    public JetStreamBootstrap(Connection connection, JetStreamLayout layout) {
        this.connection = connection;
        this.layout = layout;
    }

    /** What bootstrap did to each resource. */
    public record Change(String kind, String name, String action, String detail) {
    }

    /** Applies the layout and returns one line per resource. */
    public List<Change> apply() throws IOException, JetStreamApiException {
        List<Change> changes = new ArrayList<>();
        JetStreamManagement jsm = connection.jetStreamManagement();
        for (StreamSpec spec : layout.streams()) {
            changes.add(applyStream(jsm, spec));
        }
        KeyValueManagement kvm = connection.keyValueManagement();
        for (BucketSpec bucket : layout.buckets()) {
            changes.add(applyBucket(kvm, bucket));
        }
        ObjectStoreManagement osm = connection.objectStoreManagement();
        for (String store : layout.objectStores()) {
            changes.add(applyObjectStore(osm, store));
        }
        return changes;
    }

    /** An operator-facing explanation of a bootstrap failure (with the fix for the common storage one). */
    public static String explain(JetStreamApiException e, JetStreamLayout layout) {
        if (e.getApiErrorCode() == INSUFFICIENT_STORAGE) {
            return "the broker has too little JetStream storage for Kanade's limits (they total "
                    + (layout.totalBytes() >> 20) + " MiB); raise max_file_store in the nats-server config "
                    + "or lower the limits (backend.toml [jetstream], `kanade jetstream setup --scale`)";
        }
        return "JetStream refused the setup: " + e.getErrorDescription() + " [" + e.getApiErrorCode() + "]";
    }

    private Change applyStream(JetStreamManagement jsm, StreamSpec spec) throws IOException, JetStreamApiException {
        StreamConfiguration wanted = spec.toConfiguration(layout.replicas());
        StreamInfo existing;
        try {
            existing = jsm.getStreamInfo(spec.name());
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                throw e;
            }
            jsm.addStream(wanted);
            return new Change("stream", spec.name(), "created", String.join(",", spec.subjects()));
        }
        StreamConfiguration have = existing.getConfiguration();
        if (have.getStorageType() != StorageType.File) {
            return new Change("stream", spec.name(), "differs", "storage is " + have.getStorageType()
                    + ", expected File (not changed; recreate it by hand if intended)");
        }
        boolean same = have.getSubjects().equals(spec.subjects())
                && Objects.equals(have.getMaxAge(), spec.maxAge())
                && have.getMaxBytes() == spec.maxBytes()
                && have.getMaxMsgsPerSubject() == spec.maxMsgsPerSubject()
                && have.getDiscardPolicy() == wanted.getDiscardPolicy();
        if (same) {
            return new Change("stream", spec.name(), "ok", "");
        }
        jsm.updateStream(StreamConfiguration.builder(have)
                .subjects(spec.subjects())
                .maxAge(spec.maxAge())
                .maxBytes(spec.maxBytes())
                .maxMessagesPerSubject(spec.maxMsgsPerSubject())
                .discardPolicy(wanted.getDiscardPolicy())
                .build());
        return new Change("stream", spec.name(), "updated", "limits updated in place");
    }

    private Change applyBucket(KeyValueManagement kvm, BucketSpec bucket) throws IOException, JetStreamApiException {
        KeyValueConfiguration wanted = KeyValueConfiguration.builder()
                .name(bucket.name())
                .maxHistoryPerKey(bucket.history())
                .maxBucketSize(bucket.maxBytes())
                .storageType(StorageType.File)
                .replicas(layout.replicas())
                .build();
        KeyValueStatus status;
        try {
            status = kvm.getStatus(bucket.name());
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                throw e;
            }
            kvm.create(wanted);
            return new Change("kv", bucket.name(), "created", "history " + bucket.history());
        }
        if (status.getMaxHistoryPerKey() == bucket.history() && status.getMaxBucketSize() == bucket.maxBytes()) {
            return new Change("kv", bucket.name(), "ok", "");
        }
        kvm.update(wanted);
        return new Change("kv", bucket.name(), "updated", "history/size updated in place");
    }

    private Change applyObjectStore(ObjectStoreManagement osm, String store) throws IOException, JetStreamApiException {
        try {
            osm.getStatus(store);
            return new Change("object", store, "ok", "");
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                throw e;
            }
        }
        osm.create(ObjectStoreConfiguration.builder(store)
                .storageType(StorageType.File)
                .maxBucketSize(layout.objectStoreMaxBytes())
                .replicas(layout.replicas())
                .build());
        return new Change("object", store, "created", "");
    }
}
