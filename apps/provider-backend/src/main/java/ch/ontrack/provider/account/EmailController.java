package ch.ontrack.provider.account;

import ch.ontrack.provider.audit.Audit;
import ch.ontrack.provider.audit.AuditType;
import ch.ontrack.web.ApiProblem;
import ch.ontrack.web.input.EmailAddresses;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Verifying the account's address, sending the link again, and changing the address (verified first). */
@RestController
@RequestMapping("/api/auth")
class EmailController {

    record VerifyRequest(@NotBlank @Size(max = 100) String token) {}

    @Schema(name = "EmailChangeRequest")
    record ChangeRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 128) String password) {}

    private static final Logger log = LoggerFactory.getLogger(EmailController.class);
    private final AccountState state;
    private final AccountTokens tokens;
    private final EmailVerification verification;
    private final AccountLimits limits;
    private final AccountMails mails;
    private final PasswordCheck passwordCheck;
    private final Audit audit;

    EmailController(
            AccountState state,
            AccountTokens tokens,
            EmailVerification verification,
            AccountLimits limits,
            AccountMails mails,
            PasswordCheck passwordCheck,
            Audit audit) {
        this.audit = audit;
        this.state = state;
        this.tokens = tokens;
        this.verification = verification;
        this.limits = limits;
        this.mails = mails;
        this.passwordCheck = passwordCheck;
    }

    /** Public: the link may be opened in another browser than the one signed in. */
    @PostMapping("/verify-email")
    ResponseEntity<Map<String, String>> verify(@Valid @RequestBody VerifyRequest body) {
        AccountTokens.Redeemed redeemed = tokens.redeem(body.token(), AccountTokens.Purpose.VERIFY_EMAIL)
                .orElseThrow(AccountProblems::invalidLink);
        AccountState.State before = state.of(redeemed.providerId()).orElseThrow(AccountProblems::invalidLink);
        if (!state.verify(redeemed.providerId(), redeemed.email())) {
            throw AccountProblems.emailTaken();
        }
        if (!before.email().equalsIgnoreCase(redeemed.email())) {
            mails.notice(
                    before.email(),
                    before.language(),
                    AccountMails.Notice.EMAIL_CHANGED,
                    Map.of("email", redeemed.email()));
            audit.record(redeemed.providerId(), AuditType.EMAIL_CHANGED);
            log.info("E-mail address changed for {}", redeemed.providerId());
        } else {
            audit.record(redeemed.providerId(), AuditType.EMAIL_VERIFIED);
            log.info("E-mail address verified for {}", redeemed.providerId());
        }
        return ResponseEntity.ok(Map.of("email", redeemed.email()));
    }

    @PostMapping("/verify-email/resend")
    ResponseEntity<Void> resend(@AuthenticationPrincipal Provider provider) {
        AccountState.State account = state.of(provider.id()).orElseThrow(() -> ApiProblem.notFound("The account"));
        if (account.emailVerified()) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "already-verified",
                    "Already verified",
                    "Your e-mail address is verified already.");
        }
        OptionalLong wait = limits.verificationMail(provider.getName());
        if (wait.isPresent()) {
            throw new AccountProblems.RateLimited(wait.getAsLong());
        }
        verification.sendLink(provider.id(), account.email(), account.language());
        return ResponseEntity.noContent().build();
    }

    /** The new address gets a link; the account keeps its address until the link is opened. */
    @PostMapping("/email")
    ResponseEntity<Void> change(@AuthenticationPrincipal Provider provider, @Valid @RequestBody ChangeRequest body) {
        AccountState.State account = state.of(provider.id()).orElseThrow(() -> ApiProblem.notFound("The account"));
        passwordCheck.confirm(account.id(), body.password(), account.passwordHash());
        String email = EmailAddresses.normalise(body.email()).toLowerCase(Locale.ROOT);
        if (state.emailTaken(email, provider.id())) {
            throw AccountProblems.emailTaken();
        }
        OptionalLong wait = limits.verificationMail(provider.getName());
        if (wait.isPresent()) {
            throw new AccountProblems.RateLimited(wait.getAsLong());
        }
        verification.sendLink(provider.id(), email, account.language());
        return ResponseEntity.accepted().build();
    }
}
