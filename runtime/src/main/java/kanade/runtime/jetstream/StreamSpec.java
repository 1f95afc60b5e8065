package kanade.runtime.jetstream;

import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.time.Duration;
import java.util.List;

/** One stream Kanade needs: name, subjects and limits (maxMsgsPerSubject -1 = unlimited). */
public record StreamSpec(String name, List<String> subjects, Duration maxAge, long maxBytes, long maxMsgsPerSubject) {
    public StreamSpec {
        subjects = List.copyOf(subjects);
    }

    /** The JetStream configuration to create or update the stream with (file storage, discard old, 1 replica). */
    public StreamConfiguration toConfiguration(int replicas) {
        return StreamConfiguration.builder()
                .name(name)
                .subjects(subjects)
                .storageType(StorageType.File)
                .discardPolicy(DiscardPolicy.Old)
                .maxAge(maxAge)
                .maxBytes(maxBytes)
                .maxMessagesPerSubject(maxMsgsPerSubject)
                .replicas(replicas)
                .duplicateWindow(Duration.ofMinutes(2))
                .build();
    }
}
