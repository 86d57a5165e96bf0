package ch.ontrack.web.files;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where file bytes live and the keys that encrypt them (docs/architecture.md "File storage"): FILE_STORE
 * ({@code postgres} or {@code s3}), FILE_ENCRYPTION_KEYS and, for S3, S3_ENDPOINT, S3_REGION, S3_BUCKET,
 * S3_PATH_STYLE, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY. The keys have no default: without them start-up stops.
 */
@Validated
@ConfigurationProperties("oc.file-store")
public record FileStoreSettings(
        @NotNull Kind store, String encryptionKeys, @Valid S3 s3) {

    /** Where new files go; files already stored are read from wherever their row says. */
    public enum Kind {
        POSTGRES,
        S3
    }

    /**
     * An S3-compatible bucket. {@code endpoint} empty: AWS itself; access key empty: the SDK's default credentials
     * (e.g. a pod identity). {@code partSize}: bytes held in memory per upload (multipart above it, at least 5 MB).
     */
    public record S3(
            URI endpoint,
            String region,
            String bucket,
            boolean pathStyle,
            String accessKeyId,
            String secretAccessKey,
            DataSize partSize) {

        public S3 {
            partSize = partSize == null ? DataSize.ofMegabytes(8) : partSize;
            if (partSize.toBytes() < DataSize.ofMegabytes(5).toBytes()) {
                throw new IllegalArgumentException("oc.file-store.s3.part-size must be at least 5MB (the S3 minimum).");
            }
            endpoint = endpoint == null || endpoint.toString().isBlank() ? null : endpoint;
        }
    }

    public FileStoreSettings {
        store = store == null ? Kind.POSTGRES : store;
        if (encryptionKeys == null || encryptionKeys.isBlank()) {
            throw new IllegalArgumentException("FILE_ENCRYPTION_KEYS is not set: give at least one <id>:<base64 of 32"
                    + " bytes> key (docs/architecture.md \"File storage\").");
        }
        if (store == Kind.S3) {
            if (s3 == null || blank(s3.bucket())) {
                throw new IllegalArgumentException("S3_BUCKET is not set, and FILE_STORE=s3 needs it.");
            }
            if (blank(s3.region())) {
                throw new IllegalArgumentException("S3_REGION is not set, and FILE_STORE=s3 needs it.");
            }
            if (blank(s3.accessKeyId()) != blank(s3.secretAccessKey())) {
                throw new IllegalArgumentException(
                        "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both or neither.");
            }
        }
    }

    /** True when an S3 bucket is configured, whether or not new files go there (reads and migration need it). */
    public boolean hasS3() {
        return s3 != null && !blank(s3.bucket()) && !blank(s3.region());
    }

    @Override
    public String toString() {
        return "FileStoreSettings[store=" + store + ", s3=" + (hasS3() ? s3.bucket() : "none") + "]";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
