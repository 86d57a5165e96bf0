package ch.ontrack.provider.account;

import ch.ontrack.web.Tokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import org.bouncycastle.util.encoders.Base32;
import org.springframework.stereotype.Component;

/**
 * The second factor: TOTP codes (a step is accepted once) and ten single-use recovery codes (sha256 only), and
 * the short state between the password step and the code step of a sign-in.
 */
@Component
class TwoFactor {

    static final String ISSUER = "OC Platform";
    /** Session attribute between the password and the code: not signed in yet. */
    static final String PENDING = "oc.pendingSecondFactor";
    /** Session attribute: the organisation requires a second factor and this account has none yet. */
    static final String ENROLMENT_REQUIRED = "oc.twoFactorEnrolmentRequired";

    static final Duration PENDING_VALIDITY = Duration.ofMinutes(5);
    static final int PENDING_TRIES = 5;
    static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    /** The password was right; the code has {@code triesLeft} tries until {@code until} (epoch millis). */
    record Pending(UUID providerId, long until, int triesLeft) implements Serializable {}

    record Enrolment(String secret, String uri, QrCode qr) {}

    private final SecureRandom random = new SecureRandom();
    private final AccountState state;
    private final TotpSecrets secrets;

    TwoFactor(AccountState state, TotpSecrets secrets) {
        this.state = state;
        this.secrets = secrets;
    }

    /** A new secret waiting for its first code; an earlier unconfirmed one is replaced. */
    Enrolment begin(AccountState.State account) {
        byte[] secret = secrets.newSecret();
        state.setPendingTotpSecret(account.id(), secrets.seal(secret, account.id()));
        String base32 = Base32.toBase32String(secret);
        String label = enc(ISSUER) + ":" + enc(account.email());
        String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + enc(ISSUER)
                + "&algorithm=SHA1&digits=6&period=30";
        return new Enrolment(base32, uri, QrCode.of(uri));
    }

    /** The first code confirms the app has the secret; then the recovery codes, shown once. */
    OptionalLong confirms(AccountState.State account, String code) {
        if (account.pendingTotpSecret() == null) {
            return OptionalLong.empty();
        }
        return Totp.matchingStep(secrets.open(account.pendingTotpSecret(), account.id()), code, Instant.now());
    }

    List<String> enable(UUID providerId, long step) {
        state.enableTotp(providerId, step);
        return newRecoveryCodes(providerId);
    }

    List<String> newRecoveryCodes(UUID providerId) {
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            // 24 characters of a 31-letter alphabet: about 119 bits, so sha256 suffices (ASVS 5.0 6.5.2: 112 bits)
            for (int c = 0; c < 24; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
            }
            codes.add(code.toString());
            hashes.add(recoveryHash(code.toString()));
        }
        state.replaceRecoveryCodes(providerId, hashes);
        return codes;
    }

    /** A current TOTP code (each time step once) or an unused recovery code (then it is used up). */
    boolean check(AccountState.State account, String code) {
        if (code == null || code.isBlank() || code.length() > 40 || !account.twoFactorEnabled()) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(secrets.open(account.totpSecret(), account.id()), code, Instant.now());
        if (step.isPresent()) {
            return state.useTotpStep(account.id(), step.getAsLong());
        }
        return state.useRecoveryCode(account.id(), recoveryHash(code));
    }

    /** After the password: a fresh session that holds only the pending state, not a signed-in account. */
    void awaitCode(UUID providerId, HttpServletRequest request) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true)
                .setAttribute(
                        PENDING,
                        new Pending(
                                providerId, System.currentTimeMillis() + PENDING_VALIDITY.toMillis(), PENDING_TRIES));
    }

    static String recoveryHash(String code) {
        return Tokens.sha256Hex(code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
