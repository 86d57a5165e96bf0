package ch.ontrack.provider.account;

import java.io.Serializable;
import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;

/** The signed-in provider, kept in the session. Every query is scoped to its id. */
public record Provider(UUID id, String email, String organisation) implements AuthenticatedPrincipal, Serializable {

    @Override
    public String getName() {
        return id.toString();
    }
}
