package ch.ontrack.provider.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/** Ends an account's sessions in the shared session store, so every replica sees them gone at once. */
@Component
class Sessions {

    private final FindByIndexNameSessionRepository<?> repository;

    Sessions(FindByIndexNameSessionRepository<?> repository) {
        this.repository = repository;
    }

    FindByIndexNameSessionRepository<?> repository() {
        return repository;
    }

    /** Every session of the account but the one this request belongs to; returns how many ended. */
    int endOthers(UUID providerId, HttpServletRequest request) {
        HttpSession current = request.getSession(false);
        return end(providerId, current == null ? null : current.getId());
    }

    int endAll(UUID providerId) {
        return end(providerId, null);
    }

    private int end(UUID providerId, String keep) {
        int ended = 0;
        for (String id : repository.findByPrincipalName(providerId.toString()).keySet()) {
            if (!id.equals(keep)) {
                repository.deleteById(id);
                ended++;
            }
        }
        return ended;
    }
}
