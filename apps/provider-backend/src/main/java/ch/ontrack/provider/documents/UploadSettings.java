package ch.ontrack.provider.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** UPLOAD_MAX_FILE_SIZE and UPLOAD_MAX_DOCUMENT_SIZE (all files of one document together). */
@ConfigurationProperties("oc.uploads")
record UploadSettings(DataSize maxFileSize, DataSize maxDocumentSize) {}
