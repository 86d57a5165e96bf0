package ch.ontrack.client.access;

import ch.ontrack.client.share.Share;
import ch.ontrack.client.share.Shares;
import ch.ontrack.web.ApiProblem;
import ch.ontrack.web.Tokens;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Finds a share from the link token in the URL and decides whether it may be read. */
@Component
class ShareAccess {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private final Shares shares;
    private final ShareSessions sessions;

    ShareAccess(Shares shares, ShareSessions sessions) {
        this.shares = shares;
        this.sessions = sessions;
    }

    Optional<Share> find(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return shares.findByTokenHash(Tokens.hash(token));
    }

    Share byToken(String token) {
        return find(token).orElseThrow(() -> ApiProblem.notFound("Share"));
    }

    /** The share behind the token, when it is still available and this request unlocked it. */
    Share readable(String token, HttpServletRequest request) {
        Share share = byToken(token);
        requireAvailable(share);
        if (!sessions.holds(request, share.id())) {
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED,
                    "unlock-required",
                    "Unlock required",
                    "Enter the access code to open this document.");
        }
        return share;
    }

    static void requireAvailable(Share share) {
        if (share.revoked()) {
            throw new ApiProblem(
                    HttpStatus.GONE, "share-revoked", "Share revoked", "The sender has withdrawn this document.");
        }
        if (share.expiredAt(Instant.now())) {
            throw new ApiProblem(
                    HttpStatus.GONE,
                    "share-expired",
                    "Share expired",
                    "This link has expired. Ask the sender to share the document again.");
        }
    }
}
