package ch.ontrack.smoke;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/** A failed request in words a person deploying can act on. */
final class Explain {

    private Explain() {}

    static String failure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof SSLException) {
                if (message.contains("PKIX") || message.contains("unable to find valid certification path")) {
                    return "certificate not trusted (its issuer is not in the trust store; a self-signed or unknown CA?)";
                }
                if (message.contains("No subject alternative") || message.contains("No name matching")) {
                    return "certificate does not match the host name (" + message + ")";
                }
                if (message.contains("expired") || message.contains("NotAfter")) {
                    return "certificate expired (" + message + ")";
                }
                return "TLS handshake failed: " + message;
            }
            if (t instanceof CertificateException) {
                return "certificate rejected: " + message;
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "unreachable: unknown host";
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "unreachable: connection timed out";
            }
            if (t instanceof ConnectException) {
                return "unreachable: connection refused" + (t.getMessage() == null ? "" : " (" + message + ")");
            }
            if (t instanceof HttpTimeoutException) {
                return "no answer within the timeout";
            }
        }
        // the client wraps I/O errors unchecked: name the I/O error itself
        Throwable shown = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        return shown.getClass().getSimpleName() + (shown.getMessage() == null ? "" : ": " + shown.getMessage());
    }
}
