package ch.ontrack.provider.clients;

import ch.ontrack.provider.account.Provider;
import ch.ontrack.provider.audit.Audit;
import ch.ontrack.provider.audit.AuditType;
import ch.ontrack.web.ApiProblem;
import ch.ontrack.web.Languages;
import ch.ontrack.web.input.EmailAddress;
import ch.ontrack.web.input.EmailAddresses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/clients")
class ClientController {

    /** A new client without a language gets the one of the request (Accept-Language), else German. */
    record ClientRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @EmailAddress @Size(max = 254) String email,

            @Pattern(regexp = Languages.PATTERN, message = "must be one of de, fr, it, en") @Nullable
            String language) {

        String languageOr(String acceptLanguage) {
            return language != null ? language : Languages.fromAcceptLanguage(acceptLanguage);
        }
    }

    private final Clients clients;
    private final Audit audit;

    ClientController(Clients clients, Audit audit) {
        this.clients = clients;
        this.audit = audit;
    }

    @GetMapping
    List<Client> list(@AuthenticationPrincipal Provider provider) {
        return clients.list(provider.id());
    }

    @PostMapping
    ResponseEntity<Client> create(
            @AuthenticationPrincipal Provider provider,
            @Valid @RequestBody ClientRequest body,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        Client client = clients.create(
                provider.id(),
                body.name().strip(),
                EmailAddresses.normalise(body.email()),
                body.languageOr(acceptLanguage));
        audit.record(provider.id(), AuditType.CLIENT_CREATED, client.id(), client.email());
        return ResponseEntity.status(HttpStatus.CREATED).body(client);
    }

    @GetMapping("/{id}")
    Client get(@AuthenticationPrincipal Provider provider, @PathVariable UUID id) {
        return clients.find(provider.id(), id).orElseThrow(() -> ApiProblem.notFound("The client"));
    }

    @PutMapping("/{id}")
    Client update(
            @AuthenticationPrincipal Provider provider, @PathVariable UUID id, @Valid @RequestBody ClientRequest body) {
        return clients.update(
                        provider.id(), id, body.name().strip(), EmailAddresses.normalise(body.email()), body.language())
                .orElseThrow(() -> ApiProblem.notFound("The client"));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Provider provider, @PathVariable UUID id) {
        if (!clients.delete(provider.id(), id)) {
            throw ApiProblem.notFound("The client");
        }
        audit.record(provider.id(), AuditType.CLIENT_DELETED, id, null);
        return ResponseEntity.noContent().build();
    }
}
