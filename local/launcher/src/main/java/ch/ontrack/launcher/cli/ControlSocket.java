package ch.ontrack.launcher.cli;

import ch.ontrack.launcher.component.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How {@code ./platform restart <component>} reaches the running launcher: a Unix domain socket in
 * the data directory, in a directory only its owner can enter (see ADR 0221). One request per
 * connection, one line each way: {@code restart provider-backend}, then {@code ok ...} or
 * {@code error ...}.
 */
public final class ControlSocket implements AutoCloseable {

    private final Path file;
    private final ServerSocketChannel server;
    private final Thread acceptor;

    private ControlSocket(Path file, ServerSocketChannel server, Consumer<String> restart) {
        this.file = file;
        this.server = server;
        this.acceptor = new Thread(() -> serve(restart), "platform-control");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static Path path(Path dataDir) {
        return dataDir.resolve("control").resolve("launcher.sock");
    }

    /** Listens for restart requests; the consumer restarts a component or throws. */
    public static ControlSocket open(Path dataDir, Consumer<String> restart) throws IOException {
        Path file = path(dataDir);
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Files.deleteIfExists(file); // left by a launcher that was killed
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(file));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return new ControlSocket(file, server, restart);
    }

    private void serve(Consumer<String> restart) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept();
                    BufferedReader in = new BufferedReader(
                            new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
                    OutputStream out = Channels.newOutputStream(client)) {
                String answer = answer(in.readLine(), restart);
                out.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // closed, or a client that went away: next one
            }
        }
    }

    static String answer(String request, Consumer<String> restart) {
        List<String> words =
                request == null ? List.of() : List.of(request.trim().split("\\s+"));
        if (words.size() != 2 || !words.get(0).equals("restart")) {
            return "error unknown request; known: restart <component>";
        }
        long t0 = System.nanoTime();
        try {
            restart.accept(words.get(1));
            return "ok " + words.get(1) + " restarted in " + Progress.seconds(t0) + " s";
        } catch (RuntimeException e) {
            return "error " + e.getMessage();
        }
    }

    /** The client side: sends one request to the running launcher and returns its answer. */
    static Optional<String> send(Path dataDir, String request) {
        Path file = path(dataDir);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(file))) {
            Channels.newOutputStream(channel).write((request + "\n").getBytes(StandardCharsets.UTF_8));
            return Optional.ofNullable(
                    new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8))
                            .readLine());
        } catch (IOException e) {
            return Optional.empty(); // a socket file without a launcher behind it
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale socket file is replaced at the next start
        }
    }
}
