package kanade.sim.fault;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import kanade.protocol.wire.Json;

/** The broker's own count of client connections and subscriptions, from its monitoring endpoint {@code /varz}. */
record BrokerVarz(long connections, long subscriptions) {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Reads {@code <monitorUrl>/varz}; zero counts while the broker does not answer. */
    static BrokerVarz read(String monitorUrl) throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(monitorUrl + "/varz"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return new BrokerVarz(0, 0);
            }
            JsonNode varz = Json.mapper().readTree(response.body());
            return new BrokerVarz(varz.path("connections").asLong(), varz.path("subscriptions").asLong());
        } catch (IOException e) {
            return new BrokerVarz(0, 0);
        }
    }

    /** Whether this reading has at least the connections and subscriptions of {@code before}. */
    boolean covers(BrokerVarz before) {
        return connections >= before.connections && subscriptions >= before.subscriptions;
    }
}
