package ch.ontrack.provider.documents;

import ch.ontrack.web.ApiProblem;
import ch.ontrack.web.ShareLimits;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** UPLOAD_MAX_FILE_SIZE and UPLOAD_MAX_DOCUMENT_SIZE (all files of one document together). */
@Validated
@ConfigurationProperties("oc.upload")
public record UploadSettings(
        @NotNull DataSize maxFileSize, @NotNull DataSize maxDocumentSize) {

    /**
     * Refuses to send a document the client backend would refuse to take, e.g. one uploaded before a limit
     * was lowered: the provider hears it now rather than the delivery failing later.
     */
    public void requireDeliverable(Document document) {
        if (document.files().size() > ShareLimits.MAX_FILES) {
            throw FileController.tooManyFiles();
        }
        long total = 0;
        for (StoredFile file : document.files()) {
            if (file.size() > maxFileSize.toBytes()) {
                throw notDeliverable("The file " + file.name() + " is larger than " + maxFileSize.toMegabytes()
                        + " MB. Remove it before sending.");
            }
            total += file.size();
        }
        if (total > maxDocumentSize.toBytes()) {
            throw notDeliverable("All files of a document together may not exceed " + maxDocumentSize.toMegabytes()
                    + " MB. Remove files before sending.");
        }
    }

    private static ApiProblem notDeliverable(String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "document-too-large", "Document too large", detail);
    }
}
