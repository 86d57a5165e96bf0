package ch.ontrack.launcher.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.ontrack.apiclient.CaTrust;
import ch.ontrack.launcher.pki.LocalCa;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** The gateway's TLS without any outside tool: what made Go clients fail, and what is offered. */
class GatewayTlsTest extends WithTestGateway {

    @Test
    void aServerNameWithAPortAsGoClientsSendItGetsAServerHelloNotAnAlert() throws Exception {
        // Go's tls package sends a ServerName such as "provider.localhost:8443" verbatim when a client
        // (hey) sets it to the URL's host and port; Java's TLS server used to answer illegal_parameter
        int port = gateway.httpsPort();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(clientHello("provider.localhost:" + port));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int contentType = in.readUnsignedByte();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            assertThat(contentType).as("record type (21 = alert %d)", second).isEqualTo(22);
            assertThat(first).as("handshake message type (2 = ServerHello)").isEqualTo(2);
        }
    }

    @Test
    void oneCertificateNamesEverySiteSoNoServerNameIsNeeded() throws Exception {
        X509Certificate leaf =
                (X509Certificate) gateway.ca().serverKeyStore(Gateway.hosts()).getCertificate(LocalCa.SERVER_ALIAS);
        assertThat(leaf.getSubjectAlternativeNames())
                .containsExactly(
                        List.of(2, "provider.localhost"), List.of(2, "client.localhost"), List.of(2, "mail.localhost"));
        assertThat(leaf.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(((ECPublicKey) leaf.getPublicKey())
                        .getParams()
                        .getCurve()
                        .getField()
                        .getFieldSize())
                .isEqualTo(256);
        assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        leaf.verify(gateway.ca().certificate().getPublicKey());
    }

    @Test
    void everySiteIsServedWithAVerifiedCertificate() throws Exception {
        for (String host : Gateway.hosts()) {
            try (SSLSocket socket = handshake(host, "TLSv1.3", "TLS_AES_128_GCM_SHA256")) {
                assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
            }
        }
        try (SSLSocket socket = handshake("client.localhost", "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")) {
            assertThat(socket.getSession().getCipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        }
    }

    @Test
    void cbcCipherSuitesAreRefused() {
        assertThatThrownBy(() -> handshake("client.localhost", "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256")
                        .close())
                .isInstanceOf(SSLHandshakeException.class);
    }

    private static SSLSocket handshake(String host, String protocol, String cipherSuite) throws IOException {
        SSLSocket socket = (SSLSocket)
                CaTrust.only(gateway.ca().certificateFile()).getSocketFactory().createSocket(host, gateway.httpsPort());
        socket.setEnabledProtocols(new String[] {protocol});
        socket.setEnabledCipherSuites(new String[] {cipherSuite});
        var parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    /** A TLS 1.2 ClientHello as Go builds it, with any bytes as the server name. */
    private static byte[] clientHello(String serverName) throws IOException {
        byte[] name = serverName.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        DataOutputStream ext = new DataOutputStream(extensions);
        ext.writeShort(0x0000); // server_name
        ext.writeShort(name.length + 5);
        ext.writeShort(name.length + 3);
        ext.writeByte(0); // host_name
        ext.writeShort(name.length);
        ext.write(name);
        ext.write(new byte[] {0x00, 0x0a, 0x00, 0x06, 0x00, 0x04, 0x00, 0x1d, 0x00, 0x17}); // x25519, secp256r1
        ext.write(new byte[] {0x00, 0x0b, 0x00, 0x02, 0x01, 0x00}); // uncompressed points
        ext.write(new byte[] {0x00, 0x0d, 0x00, 0x06, 0x00, 0x04, 0x04, 0x03, 0x08, 0x04}); // ecdsa/rsa-pss sha256

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream hello = new DataOutputStream(body);
        hello.writeShort(0x0303);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        hello.write(random);
        hello.writeByte(0); // no session id
        hello.write(new byte[] {0x00, 0x04, (byte) 0xc0, 0x2b, (byte) 0xc0, 0x2c}); // ECDHE-ECDSA-AES-GCM
        hello.write(new byte[] {0x01, 0x00}); // no compression
        hello.writeShort(extensions.size());
        hello.write(extensions.toByteArray());

        ByteArrayOutputStream record = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(record);
        out.writeByte(22); // handshake
        out.writeShort(0x0301);
        out.writeShort(body.size() + 4);
        out.writeByte(1); // ClientHello
        out.writeByte(0);
        out.writeShort(body.size());
        out.write(body.toByteArray());
        return record.toByteArray();
    }
}
