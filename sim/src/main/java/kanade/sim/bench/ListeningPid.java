package kanade.sim.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the process on this machine that listens on a URL's TCP port (Linux: the LISTEN sockets of /proc/net/tcp and
 * tcp6, then the process whose /proc/&lt;pid&gt;/fd holds that socket), so a bench attached with {@code --nats-url} or
 * {@code --backend-url} can still read the CPU of a broker or backend that runs here. -1 when the host is not local,
 * nothing listens, or the owner's fds cannot be read.
 */
final class ListeningPid {
    private static final String LISTEN = "0A";

    private ListeningPid() {
    }

    /** The pid listening on {@code url}'s port ({@code nats://}, {@code http://}; the first of a comma list), or -1. */
    static long of(String url) {
        try {
            URI uri = URI.create(url.split(",")[0].trim());
            int port = uri.getPort() > 0 ? uri.getPort() : defaultPort(uri.getScheme());
            if (uri.getHost() == null || port <= 0 || !isLocal(uri.getHost())) {
                return -1;
            }
            Set<String> inodes = listeningInodes(port);
            return inodes.isEmpty() ? -1 : owner(inodes);
        } catch (IllegalArgumentException | IOException e) {
            return -1;
        }
    }

    private static int defaultPort(String scheme) {
        return switch (scheme == null ? "" : scheme) {
            case "nats", "tls" -> 4222;
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
    }

    private static boolean isLocal(String host) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        return address.isLoopbackAddress() || address.isAnyLocalAddress()
                || NetworkInterface.getByInetAddress(address) != null;
    }

    /** Inodes of LISTEN sockets on {@code port}, from /proc/net/tcp and /proc/net/tcp6. */
    static Set<String> listeningInodes(int port) throws IOException {
        String hexPort = String.format(":%04X", port);
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[1].endsWith(hexPort) && LISTEN.equals(f[3]) && !"0".equals(f[9])) {
                    inodes.add(f[9]);
                }
            }
        }
        return inodes;
    }

    private static long owner(Set<String> inodes) throws IOException {
        Set<String> targets = new HashSet<>();
        inodes.forEach(inode -> targets.add("socket:[" + inode + "]"));
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString()
                .chars().allMatch(Character::isDigit))) {
            for (Path proc : procs) {
                if (holdsAny(proc.resolve("fd"), targets)) {
                    return Long.parseLong(proc.getFileName().toString());
                }
            }
        }
        return -1;
    }

    private static boolean holdsAny(Path fdDir, Set<String> targets) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                try {
                    if (targets.contains(Files.readSymbolicLink(fd).toString())) {
                        return true;
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException | SecurityException e) {
            // not ours to read, or gone
        }
        return false;
    }
}
