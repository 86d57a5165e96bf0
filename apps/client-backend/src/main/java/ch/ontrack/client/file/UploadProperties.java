package ch.ontrack.client.file;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** UPLOAD_MAX_FILE_SIZE and UPLOAD_MAX_DOCUMENT_SIZE. */
@ConfigurationProperties("oc.upload")
record UploadProperties(DataSize maxFileSize, DataSize maxDocumentSize) {}
