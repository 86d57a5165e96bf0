package ch.ontrack.provider.documents;

import ch.ontrack.web.ApiProblem;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.apache.tika.Tika;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Decides the content type from the bytes (with the name only as a refinement) against an allowlist. */
@Component
class FileTypes {

    interface Source {
        InputStream open() throws IOException;
    }

    private static final Set<String> ALLOWED = Set.of(
            "application/pdf",
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/webp",
            "text/plain",
            "text/csv",
            "application/zip",
            "application/x-tika-ooxml",
            "application/x-tika-msoffice",
            "application/msword",
            "application/vnd.ms-excel",
            "application/vnd.ms-powerpoint");
    private static final String OOXML = "application/vnd.openxmlformats-officedocument.";

    private final Tika tika = new Tika();

    String detect(Source source, String name) {
        String type;
        try (InputStream in = new BufferedInputStream(source.open())) {
            type = tika.detect(in, name);
        } catch (IOException e) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "unreadable-upload",
                    "Unreadable upload",
                    "The uploaded file could not be read.");
        }
        String base = type.split(";", 2)[0].strip().toLowerCase();
        if (ALLOWED.contains(base) || base.startsWith(OOXML)) {
            return base;
        }
        throw new ApiProblem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-file-type",
                "Unsupported file type",
                "Files of this type (" + base
                        + ") cannot be sent. Allowed: PDF, images, text, CSV, Office documents, ZIP.");
    }
}
