package ch.ontrack.web.files;

import java.net.URI;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The file store of a backend that declares its {@link FileReferences}. */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration")
@ConditionalOnBean(FileReferences.class)
@EnableConfigurationProperties(FileStoreSettings.class)
@Import(FileStoreUnavailableAdvice.class)
public class FileStoreConfiguration {

    /** What the store, the clean-up and the commands share; {@code s3} is null without a bucket. */
    record Parts(Envelope envelope, PostgresBlobs postgres, S3Blobs s3, S3Client client) implements AutoCloseable {

        static Parts of(FileStoreSettings settings, JdbcClient jdbc) {
            Envelope envelope = new Envelope(EncryptionKeys.parse(settings.encryptionKeys()));
            S3Client client = settings.hasS3() ? s3Client(settings.s3()) : null;
            S3Blobs s3 = client == null
                    ? null
                    : new S3Blobs(client, settings.s3().bucket(), (int)
                            settings.s3().partSize().toBytes());
            return new Parts(envelope, new PostgresBlobs(jdbc), s3, client);
        }

        FileStore store(JdbcClient jdbc, FileStoreSettings.Kind target) {
            return new FileStore(jdbc, envelope, target, postgres, s3);
        }

        @Override
        public void close() {
            if (client != null) {
                client.close();
            }
        }
    }

    @Bean
    Parts fileStoreParts(FileStoreSettings settings, JdbcClient jdbc) {
        return Parts.of(settings, jdbc);
    }

    @Bean
    FileStore encryptedFileStore(Parts parts, JdbcClient jdbc, FileStoreSettings settings) {
        return parts.store(jdbc, settings.store());
    }

    @Bean
    FileCleanup fileCleanup(Parts parts, JdbcClient jdbc, FileStore store, FileReferences references) {
        return new FileCleanup(jdbc, store, references, parts.s3());
    }

    @Bean
    FileMaintenance fileMaintenance(Parts parts, JdbcClient jdbc, FileStore store) {
        return new FileMaintenance(jdbc, parts.envelope(), store, parts.s3());
    }

    /**
     * Checksums only where S3 requires them: S3-compatible servers do not all take the SDK's newer default
     * (trailing CRC checksums, SDK 2.30); the migration checks SHA-256 itself.
     */
    static S3Client s3Client(FileStoreSettings.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(
                        s3.accessKeyId() == null || s3.accessKeyId().isBlank()
                                ? DefaultCredentialsProvider.builder().build()
                                : StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create(s3.accessKeyId(), s3.secretAccessKey())));
        URI endpoint = s3.endpoint();
        return (endpoint == null ? builder : builder.endpointOverride(endpoint)).build();
    }
}
