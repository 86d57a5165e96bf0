package ch.ontrack.launcher.gateway;

import ch.ontrack.launcher.pki.LocalCa;
import java.util.List;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The gateway's TLS: TLS 1.2 and 1.3 with AEAD ciphers only, one certificate for every local host
 * name, and the client's server name indication ignored (see ADR 0220).
 */
final class GatewayTls {

    /**
     * Java's TLS server rejects a server name it cannot parse as a host name with the fatal alert
     * illegal_parameter; Go clients such as hey send "host:port" there. Read once per JVM, when the
     * first TLS server starts: the launcher sets it before its gateway starts.
     */
    static final String IGNORE_SERVER_NAME_PROPERTY = "jdk.tls.server.disableExtensions";

    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** TLS 1.3's suites, then the TLS 1.2 suites of Mozilla's "intermediate" profile for an EC key. */
    static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");

    private GatewayTls() {}

    /** Adds "server_name" to the server extensions this JVM ignores, keeping any already listed. */
    static synchronized void ignoreServerNameIndication() {
        String current = System.getProperty(IGNORE_SERVER_NAME_PROPERTY, "").trim();
        if (!List.of(current.split("\\s*,\\s*")).contains("server_name")) {
            System.setProperty(
                    IGNORE_SERVER_NAME_PROPERTY, current.isEmpty() ? "server_name" : current + ",server_name");
        }
    }

    static SslContextFactory.Server contextFactory(LocalCa ca, List<String> hosts) {
        ignoreServerNameIndication();
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(ca.serverKeyStore(hosts));
        tls.setKeyStorePassword(new String(LocalCa.KEYSTORE_PASSWORD));
        tls.setKeyManagerPassword(new String(LocalCa.KEYSTORE_PASSWORD));
        tls.setCertAlias(LocalCa.SERVER_ALIAS);
        tls.setIncludeProtocols(PROTOCOLS.toArray(String[]::new));
        tls.setIncludeCipherSuites(CIPHER_SUITES.toArray(String[]::new));
        tls.setUseCipherSuitesOrder(true);
        return tls;
    }
}
