package ch.ontrack.apiclient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** TLS trust from a PEM file of CA certificates, such as the local platform's CA. Host names are still verified. */
public final class CaTrust {

    private CaTrust() {}

    /** Trusts the CAs in this PEM file and nothing else. */
    public static SSLContext only(Path pem) {
        return context(read(pem));
    }

    /** Trusts the JVM's CAs and, in addition, those in this PEM file. */
    public static SSLContext withSystem(Path pem) {
        List<Certificate> all = new ArrayList<>(systemCas());
        all.addAll(read(pem));
        return context(all);
    }

    /** The CA certificates in a PEM file; a file without one is an error. */
    public static List<Certificate> read(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + pem);
            }
            return List.copyOf(certificates);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the CA certificates in " + pem + ": " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> systemCas() {
        try {
            TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            system.init((KeyStore) null);
            List<X509Certificate> cas = new ArrayList<>();
            for (var manager : system.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    cas.addAll(List.of(x509.getAcceptedIssuers()));
                }
            }
            return cas;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JVM's trusted CAs", e);
        }
    }

    private static SSLContext context(List<? extends Certificate> cas) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                store.setCertificateEntry("ca-" + i, cas.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust store", e);
        }
    }
}
