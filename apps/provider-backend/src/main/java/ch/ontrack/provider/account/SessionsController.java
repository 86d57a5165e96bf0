package ch.ontrack.provider.account;

import ch.ontrack.provider.audit.Audit;
import ch.ontrack.provider.audit.AuditType;
import ch.ontrack.provider.system.SignIn;
import ch.ontrack.web.ApiProblem;
import ch.ontrack.web.Tokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.session.Session;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the account is signed in. A session is named by a hash of its id: the id itself is the cookie's secret
 * and never leaves the session store.
 */
@RestController
@RequestMapping("/api/auth/sessions")
class SessionsController {

    record Ended(int ended) {}

    /** The password again: someone else holding a session must not sign the owner out. */
    record EndRequest(@NotBlank @Size(max = 128) String password) {}

    record SessionView(
            String id,
            String device,
            @Nullable String address,
            Instant signedInAt,
            Instant lastSeenAt,
            boolean current) {}

    private final Sessions sessions;

    private final Audit audit;

    private final AccountState state;

    private final PasswordCheck passwordCheck;

    SessionsController(Sessions sessions, Audit audit, AccountState state, PasswordCheck passwordCheck) {
        this.sessions = sessions;
        this.audit = audit;
        this.state = state;
        this.passwordCheck = passwordCheck;
    }

    @GetMapping
    List<SessionView> list(@AuthenticationPrincipal Provider provider, HttpServletRequest request) {
        String current = currentId(request);
        return sessions.repository().findByPrincipalName(provider.getName()).values().stream()
                .map(session -> view(session, current))
                .sorted(Comparator.comparing(SessionView::current)
                        .reversed()
                        .thenComparing(SessionView::lastSeenAt, Comparator.reverseOrder()))
                .toList();
    }

    /**
     * Ends one session with the password (204 also when it has ended already); the current one signs out (the app
     * signs out with {@code POST /api/auth/logout}, which needs none).
     */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> end(
            @AuthenticationPrincipal Provider provider,
            @PathVariable String id,
            @Valid @RequestBody EndRequest body,
            HttpServletRequest request) {
        confirm(provider, body);
        String current = currentId(request);
        for (Map.Entry<String, ? extends Session> entry :
                sessions.repository().findByPrincipalName(provider.getName()).entrySet()) {
            if (handle(entry.getKey()).equals(id)) {
                sessions.repository().deleteById(entry.getKey());
                if (entry.getKey().equals(current)) {
                    request.getSession().invalidate();
                }
            }
        }
        return ResponseEntity.noContent().build();
    }

    /** Signs out everywhere else, with the password; this session stays. */
    @PostMapping("/end-others")
    Ended endOthers(
            @AuthenticationPrincipal Provider provider,
            @Valid @RequestBody EndRequest body,
            HttpServletRequest request) {
        confirm(provider, body);
        int ended = sessions.endOthers(provider.id(), request);
        audit.record(provider.id(), AuditType.SIGNED_OUT_EVERYWHERE);
        return new Ended(ended);
    }

    private void confirm(Provider provider, EndRequest body) {
        AccountState.State account = state.of(provider.id()).orElseThrow(() -> ApiProblem.notFound("The account"));
        passwordCheck.confirm(account.id(), body.password(), account.passwordHash());
    }

    private static SessionView view(Session session, String current) {
        Long signedIn = session.getAttribute(SignIn.SIGNED_IN_AT);
        return new SessionView(
                handle(session.getId()),
                device(session.getAttribute(SignIn.USER_AGENT)),
                session.getAttribute(SignIn.CLIENT_ADDRESS),
                signedIn == null ? session.getCreationTime() : Instant.ofEpochMilli(signedIn),
                session.getLastAccessedTime(),
                session.getId().equals(current));
    }

    private static String currentId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? "" : session.getId();
    }

    static String handle(String sessionId) {
        return Tokens.hash(sessionId).substring(0, 16);
    }

    /** Browser and system in a few words, from the User-Agent header; "Unknown" when neither is recognised. */
    static String device(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown";
        }
        String browser = userAgent.contains("Edg/")
                ? "Edge"
                : userAgent.contains("OPR/")
                        ? "Opera"
                        : userAgent.contains("Firefox/")
                                ? "Firefox"
                                : userAgent.contains("Chrome/") || userAgent.contains("Chromium/")
                                        ? "Chrome"
                                        : userAgent.contains("Safari/") ? "Safari" : null;
        String system = userAgent.contains("Windows")
                ? "Windows"
                : userAgent.contains("iPhone") || userAgent.contains("iPad")
                        ? "iOS"
                        : userAgent.contains("Android")
                                ? "Android"
                                : userAgent.contains("Mac OS X")
                                        ? "macOS"
                                        : userAgent.contains("Linux") ? "Linux" : null;
        if (browser == null && system == null) {
            return "Unknown";
        }
        return browser == null ? system : system == null ? browser : browser + " on " + system;
    }
}
