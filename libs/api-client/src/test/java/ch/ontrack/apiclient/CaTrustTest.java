package ch.ontrack.apiclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.ontrack.apiclient.RecordingServer.Answer;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS against a server whose certificate a CA made up for the test issued. */
class CaTrustTest {

    @TempDir
    Path dir;

    private TestPki pki;
    private RecordingServer server;

    @BeforeEach
    void start() throws Exception {
        pki = new TestPki("Local Test CA");
        server = new RecordingServer(pki.serverContext("localhost"), r -> Answer.json(200, "{\"status\":\"UP\"}"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void trustsTheGivenCa() throws Exception {
        Path ca = pki.writeCaPem(dir.resolve("ca.pem"));

        assertThat(session(ApiSession.builder(server.url("localhost")).tls(CaTrust.only(ca)))
                        .get("/api/health")
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("UP");
        assertThat(session(ApiSession.builder(server.url("localhost")).tls(CaTrust.withSystem(ca)))
                        .get("/api/health")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refusesACertificateFromAnotherCa() throws Exception {
        Path other = new TestPki("Other CA").writeCaPem(dir.resolve("other.pem"));

        assertThatThrownBy(() -> session(
                                ApiSession.builder(server.url("localhost")).tls(CaTrust.only(other)))
                        .get("/api/health"))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(SSLHandshakeException.class);
        assertThat(server.requests).isEmpty();
    }

    @Test
    void verifiesTheHostName() throws Exception {
        Path ca = pki.writeCaPem(dir.resolve("ca.pem"));

        assertThatThrownBy(() -> session(
                                ApiSession.builder(server.url("127.0.0.1")).tls(CaTrust.only(ca)))
                        .get("/api/health"))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aFileWithoutCertificateIsRefusedWithItsName() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");

        assertThatThrownBy(() -> CaTrust.only(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty.pem");
    }

    private static ApiSession session(ApiSession.Builder builder) {
        return builder.build();
    }
}
