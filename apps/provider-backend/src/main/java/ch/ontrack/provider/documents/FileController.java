package ch.ontrack.provider.documents;

import ch.ontrack.provider.account.Provider;
import ch.ontrack.web.ApiProblem;
import ch.ontrack.web.ByteRanges;
import ch.ontrack.web.SecurityHeaders;
import ch.ontrack.web.ShareLimits;
import ch.ontrack.web.files.FileNames;
import ch.ontrack.web.files.FileStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/documents/{documentId}/files")
class FileController {

    private final Documents documents;
    private final FileStore store;
    private final FileTypes types;
    private final UploadSettings limits;
    private final TransactionTemplate tx;

    FileController(
            Documents documents, FileStore store, FileTypes types, UploadSettings limits, TransactionTemplate tx) {
        this.documents = documents;
        this.store = store;
        this.types = types;
        this.limits = limits;
        this.tx = tx;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<StoredFile> upload(
            @AuthenticationPrincipal Provider provider,
            @PathVariable UUID documentId,
            @RequestParam("file") MultipartFile file) {
        if (documents.find(provider.id(), documentId).isEmpty()) {
            throw ApiProblem.notFound("The document");
        }
        if (file.getSize() > limits.maxFileSize().toBytes()) {
            throw tooLarge("The file is larger than " + limits.maxFileSize().toMegabytes() + " MB.");
        }
        if (file.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "empty-file", "Empty file", "The file is empty.");
        }
        String name = FileNames.sanitise(file.getOriginalFilename());
        String contentType = types.detect(file::getInputStream, name);
        StoredFile stored = new StoredFile(UUID.randomUUID(), name, contentType, file.getSize());
        tx.executeWithoutResult(status -> {
            Documents.Usage used = documents
                    .lockAndMeasure(provider.id(), documentId)
                    .orElseThrow(() -> ApiProblem.notFound("The document"));
            if (used.files() >= ShareLimits.MAX_FILES) {
                throw tooManyFiles();
            }
            if (used.bytes() + file.getSize() > limits.maxDocumentSize().toBytes()) {
                throw tooLarge("All files of a document together may not exceed "
                        + limits.maxDocumentSize().toMegabytes() + " MB.");
            }
            documents.addFile(documentId, stored);
            try (InputStream in = file.getInputStream()) {
                long written = store.write(stored.id(), in); // encrypted, in the same transaction as the row
                if (written != stored.size()) {
                    documents.setFileSize(stored.id(), written);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return ResponseEntity.status(HttpStatus.CREATED).body(stored);
    }

    @GetMapping("/{fileId}")
    void download(
            @AuthenticationPrincipal Provider provider,
            @PathVariable UUID documentId,
            @PathVariable UUID fileId,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        StoredFile file =
                documents.file(provider.id(), documentId, fileId).orElseThrow(() -> ApiProblem.notFound("The file"));
        ByteRanges.Part part = ByteRanges.prepare(request, response, file.size(), fileId);
        response.setContentType(file.contentType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(file.name(), StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", SecurityHeaders.DOWNLOAD_CONTENT_SECURITY_POLICY);
        if (part.length() <= 0) {
            return;
        }
        try (InputStream in = store.open(fileId, part.start())) {
            OutputStream out = response.getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            for (long left = part.length(); left > 0; ) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    return;
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    @DeleteMapping("/{fileId}")
    ResponseEntity<Void> delete(
            @AuthenticationPrincipal Provider provider, @PathVariable UUID documentId, @PathVariable UUID fileId) {
        if (!documents.deleteFile(provider.id(), documentId, fileId)) {
            throw ApiProblem.notFound("The file");
        }
        return ResponseEntity.noContent().build();
    }

    /** The client backend takes at most this many files per share; the document is the share's content. */
    static ApiProblem tooManyFiles() {
        return new ApiProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "too-many-files",
                "Too many files",
                "A document may have at most " + ShareLimits.MAX_FILES + " files.");
    }

    private static ApiProblem tooLarge(String detail) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Too large", detail);
    }
}
