package ch.ontrack.provider.account;

import ch.ontrack.web.input.Passwords;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a typed password against an account's hash: at sign-in, and again before a change that could take the
 * account over or lock its owner out (deleting it, a new password or address, two-factor sign-in set up or off,
 * signing other devices out; ASVS 5.0 7.5.1, 7.5.2). The second kind is limited per account ({@link AccountLimits#passwordCheck}), so a session someone
 * else holds cannot be used to try passwords at the hashing rate.
 */
@Component
class PasswordCheck {

    private final PasswordEncoder passwords;
    private final Accounts accounts;
    private final AccountLimits limits;
    private final Counter limited;

    PasswordCheck(PasswordEncoder passwords, Accounts accounts, AccountLimits limits, MeterRegistry meters) {
        this.passwords = passwords;
        this.accounts = accounts;
        this.limits = limits;
        this.limited = meters.counter("oc.rate.limited", "limiter", "password-check");
    }

    /** The password asked again of a signed-in account: 429 when it was tried too often, 403 when wrong. */
    void confirm(UUID accountId, String typed, String hash) {
        OptionalLong wait = limits.passwordCheck(accountId.toString());
        if (wait.isPresent()) {
            limited.increment();
            throw new AccountProblems.RateLimited(wait.getAsLong());
        }
        if (!matches(typed, hash, accountId)) {
            throw AccountProblems.wrongPassword();
        }
    }

    /**
     * Checks the password in NFC. A hash made before passwords were normalised may hold another form (NFD, as some
     * keyboards type it): if the password was typed in a form other than NFC, that form is tried too, and a match
     * is hashed again in NFC so the next sign-in no longer needs it (docs/security.md).
     */
    boolean matches(String typed, String hash, UUID accountId) {
        String password = Passwords.normalise(typed);
        if (passwords.matches(password, hash)) {
            return true;
        }
        // the second check runs for unknown accounts too (against the dummy hash): both take the same time
        if (password.equals(typed) || !passwords.matches(typed, hash) || accountId == null) {
            return false;
        }
        accounts.changePasswordHash(accountId, passwords.encode(password));
        return true;
    }
}
