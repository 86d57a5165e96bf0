package ch.ontrack.client.file;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * UPLOAD_MAX_FILE_SIZE, UPLOAD_MAX_DOCUMENT_SIZE and UPLOAD_MAX_CONCURRENT: how many uploads may stream
 * into the database at once, each holding one pooled connection (the rest of the pool stays for readers).
 */
@Validated
@ConfigurationProperties("oc.upload")
record UploadSettings(
        @NotNull DataSize maxFileSize,
        @NotNull DataSize maxDocumentSize,

        @Positive(message = "UPLOAD_MAX_CONCURRENT must be positive")
        int maxConcurrent) {}
