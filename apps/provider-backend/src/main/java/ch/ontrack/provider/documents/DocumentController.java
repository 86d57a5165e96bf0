package ch.ontrack.provider.documents;

import ch.ontrack.provider.account.Provider;
import ch.ontrack.web.ApiProblem;
import ch.ontrack.web.input.OneLine;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/documents")
class DocumentController {

    record DocumentRequest(
            @NotBlank @OneLine @Size(max = 200) String title,
            @NotNull @Size(max = 10_000) String message) {}

    @Schema(name = "DocumentPage")
    record Page(List<Document> items, @Nullable String nextCursor) {}

    private final Documents documents;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    DocumentController(Documents documents, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.documents = documents;
        this.events = events;
        this.tx = tx;
    }

    @GetMapping
    Page list(
            @AuthenticationPrincipal Provider provider,
            @RequestParam(defaultValue = "20") int limit,
            @RequestParam(required = false) String cursor) {
        if (limit < 1 || limit > 100) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-parameter",
                    "Invalid parameter",
                    "limit must be between 1 and 100.");
        }
        List<Document> rows = documents.page(provider.id(), cursor == null ? null : Cursor.decode(cursor), limit);
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        Document last = rows.get(limit - 1);
        return new Page(rows.subList(0, limit), new Cursor(last.createdAt(), last.id()).encode());
    }

    @PostMapping
    ResponseEntity<Document> create(
            @AuthenticationPrincipal Provider provider, @Valid @RequestBody DocumentRequest body) {
        Document document = documents.create(provider.id(), body.title().strip(), body.message());
        return ResponseEntity.status(HttpStatus.CREATED).body(document);
    }

    @GetMapping("/{id}")
    Document get(@AuthenticationPrincipal Provider provider, @PathVariable UUID id) {
        return documents.find(provider.id(), id).orElseThrow(() -> ApiProblem.notFound("The document"));
    }

    @PutMapping("/{id}")
    Document update(
            @AuthenticationPrincipal Provider provider,
            @PathVariable UUID id,
            @Valid @RequestBody DocumentRequest body) {
        if (!documents.update(provider.id(), id, body.title().strip(), body.message())) {
            throw ApiProblem.notFound("The document");
        }
        return get(provider, id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Provider provider, @PathVariable UUID id) {
        boolean deleted = Boolean.TRUE.equals(tx.execute(status -> {
            if (documents.find(provider.id(), id).isEmpty()) {
                return false;
            }
            events.publishEvent(new DocumentDeleting(provider.id(), id));
            return documents.delete(provider.id(), id);
        }));
        if (!deleted) {
            throw ApiProblem.notFound("The document");
        }
        return ResponseEntity.noContent().build();
    }
}
