package ch.ontrack.launcher.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCaTest {

    @TempDir
    Path dir;

    @Test
    void theCaIsCreatedOnceAndReusedWithItsKeyReadableOnlyByItsOwner() throws Exception {
        LocalCa first = LocalCa.loadOrCreate(dir);
        LocalCa again = LocalCa.loadOrCreate(dir);
        assertThat(again.certificate()).isEqualTo(first.certificate());
        assertThat(Files.getPosixFilePermissions(dir.resolve("ca-key.pem")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        var store = again.serverKeyStore(List.of("provider.localhost", "client.localhost"));
        X509Certificate leaf = (X509Certificate) store.getCertificate(LocalCa.SERVER_ALIAS);
        leaf.verify(first.certificate().getPublicKey());
        assertThat(leaf.getSubjectAlternativeNames())
                .containsExactly(List.of(2, "provider.localhost"), List.of(2, "client.localhost"));
    }
}
