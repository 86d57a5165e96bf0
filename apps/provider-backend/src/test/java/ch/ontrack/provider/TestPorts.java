package ch.ontrack.provider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

final class TestPorts {

    /** A port nothing listens on: the client backend "unreachable". */
    static final int CLOSED = free();

    private TestPorts() {}

    static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
