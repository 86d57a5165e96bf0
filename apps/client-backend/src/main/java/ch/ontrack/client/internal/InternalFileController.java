package ch.ontrack.client.internal;

import ch.ontrack.client.file.FileStore;
import ch.ontrack.client.share.Ids;
import ch.ontrack.web.files.FileNames;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Receives the raw bytes of one file of a share, streamed straight into the database. */
@RestController
class InternalFileController {

    private final FileStore files;

    InternalFileController(FileStore files) {
        this.files = files;
    }

    @PutMapping("/internal/shares/{shareId}/files/{fileId}")
    @Operation(
            requestBody =
                    @RequestBody(
                            required = true,
                            description = "The file's bytes, streamed",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                                            schema = @Schema(type = "string", format = "binary"))))
    @ApiResponse(responseCode = "201", description = "Stored: the file is new")
    @ApiResponse(responseCode = "200", description = "Stored again in place of the earlier bytes")
    ResponseEntity<Void> upload(
            @PathVariable String shareId,
            @PathVariable String fileId,
            @RequestHeader(FileNames.HEADER) String fileName,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            HttpServletRequest request)
            throws IOException {
        Ids.require(shareId, "Share");
        Ids.require(fileId, "File");
        boolean created = files.store(
                shareId, fileId, fileName, contentType, request.getContentLengthLong(), request.getInputStream());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .build();
    }
}
