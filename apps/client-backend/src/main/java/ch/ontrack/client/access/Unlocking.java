package ch.ontrack.client.access;

import ch.ontrack.client.share.AccessCodes;
import ch.ontrack.client.share.Share;
import ch.ontrack.client.share.ShareEvents;
import ch.ontrack.client.share.Shares;
import ch.ontrack.web.ApiProblem;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The unlock state machine. The share row is locked while the code is checked, so exactly
 * UNLOCK_MAX_ATTEMPTS wrong codes lock it even under concurrent attempts. Failures are committed
 * before the error is answered.
 */
@Service
class Unlocking {

    private static final Logger log = LoggerFactory.getLogger(Unlocking.class);

    private interface Outcome {}

    private record Unlocked(Share share) implements Outcome {}

    private record WrongCode(int attemptsLeft) implements Outcome {}
    /** {@code justNow}: this attempt was the last wrong one, the share locks now. */
    private record Locked(boolean justNow) implements Outcome {}

    private final ShareAccess access;
    private final Shares shares;
    private final ShareEvents events;
    private final AccessCodes codes;
    private final ShareSessions sessions;
    private final AccessSettings settings;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;

    Unlocking(
            ShareAccess access,
            Shares shares,
            ShareEvents events,
            AccessCodes codes,
            ShareSessions sessions,
            AccessSettings settings,
            TransactionTemplate tx,
            MeterRegistry meters) {
        this.access = access;
        this.shares = shares;
        this.events = events;
        this.codes = codes;
        this.sessions = sessions;
        this.settings = settings;
        this.tx = tx;
        this.meters = meters;
        for (String outcome : new String[] {"unlocked", "wrongcode", "locked"}) {
            meters.counter("oc.client.unlock", "outcome", outcome);
        }
        meters.counter("oc.lockouts");
    }

    Share unlock(String token, String code, HttpServletResponse response) {
        Share found = access.byToken(token);
        ShareAccess.requireAvailable(found);
        // Argon2 runs before the transaction: a slow hash must hold neither a pooled connection nor the row lock
        boolean matches = !found.locked() && codes.matches(code, found.accessCodeHash());
        Outcome outcome = tx.execute(status -> attempt(found, code, matches, response));
        meters.counter(
                        "oc.client.unlock",
                        "outcome",
                        outcome.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT))
                .increment();
        if (outcome instanceof Locked locked && locked.justNow()) {
            meters.counter("oc.lockouts").increment();
        }
        if (outcome instanceof Unlocked unlocked) {
            return unlocked.share();
        }
        if (outcome instanceof WrongCode wrong) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "wrong-access-code",
                    "Wrong access code",
                    attemptsMessage(wrong.attemptsLeft()),
                    Map.of("attemptsLeft", wrong.attemptsLeft()));
        }
        throw locked();
    }

    /** Counts the attempt under the row lock, so that the lockout after N wrong codes stays exact. */
    private Outcome attempt(Share found, String code, boolean matchedFound, HttpServletResponse response) {
        String shareId = found.id();
        Share share = shares.lock(shareId).orElseThrow(() -> ApiProblem.notFound("Share"));
        ShareAccess.requireAvailable(share);
        if (share.locked()) {
            return new Locked(false);
        }
        // a new code issued meanwhile (rare) is checked against here, under the lock
        boolean matches = share.accessCodeHash().equals(found.accessCodeHash())
                ? matchedFound
                : codes.matches(code, share.accessCodeHash());
        if (matches) {
            shares.resetFailures(shareId);
            events.record(shareId, ShareEvents.Type.VIEWED);
            sessions.open(shareId, response);
            return new Unlocked(share);
        }
        int failures = share.failedAttempts() + 1;
        boolean lockNow = failures >= settings.maxAttempts();
        shares.recordFailure(shareId, lockNow);
        events.record(shareId, ShareEvents.Type.UNLOCK_FAILED);
        if (lockNow) {
            events.record(shareId, ShareEvents.Type.LOCKED);
            log.warn("Share {} locked after {} wrong access codes", shareId, failures);
            return new Locked(true);
        }
        return new WrongCode(settings.maxAttempts() - failures);
    }

    static ApiProblem locked() {
        return new ApiProblem(
                HttpStatus.LOCKED,
                "share-locked",
                "Share locked",
                "Too many wrong access codes. Ask the provider for a new code.",
                Map.of("attemptsLeft", 0));
    }

    private static String attemptsMessage(int left) {
        return left == 1
                ? "The access code is not correct. 1 attempt left."
                : "The access code is not correct. " + left + " attempts left.";
    }
}
