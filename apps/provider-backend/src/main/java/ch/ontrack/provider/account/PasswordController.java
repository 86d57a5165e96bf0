package ch.ontrack.provider.account;

import ch.ontrack.provider.audit.Audit;
import ch.ontrack.provider.audit.AuditType;
import ch.ontrack.web.ApiProblem;
import ch.ontrack.web.Tokens;
import ch.ontrack.web.input.EmailAddresses;
import ch.ontrack.web.input.Passwords;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A forgotten password (a link that works once for 30 minutes) and changing the password while signed in. */
@RestController
@RequestMapping("/api/auth")
class PasswordController {

    static final Duration RESET_VALIDITY = Duration.ofMinutes(30);

    record ForgotRequest(@NotBlank @Size(max = 254) String email) {}

    record ResetRequest(
            @NotBlank @Size(max = 100) String token,
            @NotNull @Size(min = 12, max = 128) String password) {}

    @Schema(name = "PasswordChangeRequest")
    record ChangeRequest(
            @NotBlank @Size(max = 128) String currentPassword,
            @NotNull @Size(min = 12, max = 128) String newPassword) {}

    private static final Logger log = LoggerFactory.getLogger(PasswordController.class);
    private final Accounts accounts;
    private final AccountState state;
    private final AccountTokens tokens;
    private final AccountLimits limits;
    private final AccountMails mails;
    private final PasswordEncoder passwords;
    private final PasswordCheck passwordCheck;
    private final Sessions sessions;
    private final CommonPasswords common;
    private final Audit audit;

    PasswordController(
            Accounts accounts,
            AccountState state,
            AccountTokens tokens,
            AccountLimits limits,
            AccountMails mails,
            PasswordEncoder passwords,
            PasswordCheck passwordCheck,
            Sessions sessions,
            CommonPasswords common,
            Audit audit) {
        this.common = common;
        this.audit = audit;
        this.accounts = accounts;
        this.state = state;
        this.tokens = tokens;
        this.limits = limits;
        this.mails = mails;
        this.passwords = passwords;
        this.passwordCheck = passwordCheck;
        this.sessions = sessions;
    }

    /**
     * The same 202 whether or not the address has an account; the limits count the address either way. The
     * lookup, the link and the mail happen in the background, so the answer takes as long in both cases.
     */
    @PostMapping("/password-reset")
    ResponseEntity<Map<String, String>> forgot(@Valid @RequestBody ForgotRequest body, HttpServletRequest request) {
        String email = EmailAddresses.normalise(body.email()).toLowerCase(Locale.ROOT);
        OptionalLong wait = limits.resetFrom(request.getRemoteAddr());
        if (wait.isEmpty()) {
            wait = limits.resetMail(Tokens.sha256Hex(email));
        }
        if (wait.isPresent()) {
            throw new AccountProblems.RateLimited(wait.getAsLong());
        }
        mails.later(() -> accounts.byEmail(email)
                .flatMap(stored -> state.of(stored.provider().id()))
                .ifPresent(account -> {
                    AccountTokens.Issued issued = tokens.issue(
                            account.id(), AccountTokens.Purpose.RESET_PASSWORD, account.email(), RESET_VALIDITY);
                    mails.reset(account.email(), account.language(), issued.token(), issued.expiresAt());
                    log.info("Password reset link sent for {}", account.id());
                }));
        return ResponseEntity.accepted()
                .body(Map.of(
                        "status", "If an account has this address, a link to choose a new password is on its way."));
    }

    /** Sets the new password and ends every session of the account: whoever had it is signed out. */
    @PostMapping("/password-reset/confirm")
    ResponseEntity<Void> reset(@Valid @RequestBody ResetRequest body) {
        AccountTokens.Redeemed redeemed = tokens.redeem(body.token(), AccountTokens.Purpose.RESET_PASSWORD)
                .orElseThrow(AccountProblems::invalidLink);
        AccountState.State account = state.of(redeemed.providerId()).orElseThrow(AccountProblems::invalidLink);
        String password = Passwords.normalise(body.password());
        common.refuseCommon("password", password);
        state.setPassword(account.id(), passwords.encode(password));
        int ended = sessions.endAll(account.id());
        audit.record(account.id(), AuditType.PASSWORD_RESET);
        mails.notice(account.email(), account.language(), AccountMails.Notice.PASSWORD_CHANGED, Map.of());
        log.info("Password reset for {}; {} sessions ended", account.id(), ended);
        return ResponseEntity.noContent().build();
    }

    /** Needs the current password; every other session ends, this one stays. */
    @PostMapping("/password")
    ResponseEntity<Void> change(
            @AuthenticationPrincipal Provider provider,
            @Valid @RequestBody ChangeRequest body,
            HttpServletRequest request) {
        AccountState.State account = state.of(provider.id()).orElseThrow(() -> ApiProblem.notFound("The account"));
        passwordCheck.confirm(account.id(), body.currentPassword(), account.passwordHash());
        String newPassword = Passwords.normalise(body.newPassword());
        common.refuseCommon("newPassword", newPassword);
        state.setPassword(account.id(), passwords.encode(newPassword));
        audit.record(account.id(), AuditType.PASSWORD_CHANGED);
        tokens.forget(account.id(), AccountTokens.Purpose.RESET_PASSWORD);
        int ended = sessions.endOthers(account.id(), request);
        mails.notice(account.email(), account.language(), AccountMails.Notice.PASSWORD_CHANGED, Map.of());
        log.info("Password changed for {}; {} other sessions ended", account.id(), ended);
        return ResponseEntity.noContent().build();
    }
}
