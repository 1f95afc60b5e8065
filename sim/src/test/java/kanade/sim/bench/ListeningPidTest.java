package kanade.sim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** ListeningPid finds the process listening on a local URL's port, and gives -1 when it cannot. */
class ListeningPidTest {

    @Test
    void findsThisJvmListeningOnALoopbackPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + socket.getLocalPort();
            assertThat(ListeningPid.of(url)).isEqualTo(ProcessHandle.current().pid());
            assertThat(ListeningPid.of("nats://user:pw@localhost:" + socket.getLocalPort() + ",nats://other:4222"))
                    .isEqualTo(ProcessHandle.current().pid());
        }
    }

    @Test
    void givesMinusOneForNothingListeningOrARemoteHost() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertThat(ListeningPid.of("nats://127.0.0.1:" + port)).isEqualTo(-1);
        assertThat(ListeningPid.of("nats://192.0.2.1:4222")).isEqualTo(-1);
        assertThat(ListeningPid.of("not a url")).isEqualTo(-1);
    }
}
