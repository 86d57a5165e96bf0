package ch.ontrack.client.file;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * UPLOAD_MAX_FILE_SIZE, UPLOAD_MAX_DOCUMENT_SIZE and UPLOAD_MAX_CONCURRENT: how many uploads may stream
 * into the database at once, each holding one pooled connection (the rest of the pool stays for readers).
 */
@ConfigurationProperties("oc.upload")
record UploadProperties(DataSize maxFileSize, DataSize maxDocumentSize, int maxConcurrent) {}
