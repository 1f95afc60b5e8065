package kanade.backend.projection;

import io.nats.client.Message;

/** Turns one stream message into a row; throws {@link kanade.protocol.wire.WireFormatException} when it cannot. */
@FunctionalInterface
public interface MessageDecoder<T> {
    T decode(Message message, long streamSeq);
}
