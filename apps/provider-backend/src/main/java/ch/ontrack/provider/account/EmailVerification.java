package ch.ontrack.provider.account;

import ch.ontrack.web.ApiProblem;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Proves that an account's address reaches its owner; until then the account may not send documents. */
@Component
public class EmailVerification {

    static final Duration VALIDITY = Duration.ofHours(24);

    private final AccountState state;
    private final AccountTokens tokens;
    private final AccountMails mails;

    private final boolean required;

    EmailVerification(AccountState state, AccountTokens tokens, AccountMails mails, AccountFlowSettings settings) {
        this.state = state;
        this.tokens = tokens;
        this.mails = mails;
        this.required = settings.emailVerificationRequired();
        if (!required) {
            org.slf4j.LoggerFactory.getLogger(EmailVerification.class)
                    .warn("EMAIL_VERIFICATION_REQUIRED is false: unverified accounts can send documents");
        }
    }

    /** For the send endpoint: 403 {@code email-not-verified} until the link in the verification mail is opened. */
    public void requireVerified(UUID providerId) {
        if (required
                && !state.of(providerId).map(AccountState.State::emailVerified).orElse(false)) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "email-not-verified",
                    "E-mail address not verified",
                    "Confirm your e-mail address with the link we sent you before sending documents.",
                    Map.of("resend", "/api/auth/verify-email/resend"));
        }
    }

    /** A new link to this address (the account's, or the one it wants to change to); earlier links stop working. */
    void sendLink(UUID providerId, String email, String language) {
        AccountTokens.Issued issued = tokens.issue(providerId, AccountTokens.Purpose.VERIFY_EMAIL, email, VALIDITY);
        mails.verification(email, language, issued.token(), issued.expiresAt());
    }
}
