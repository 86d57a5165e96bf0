package ch.ontrack.provider.account;

import ch.ontrack.provider.audit.Audit;
import ch.ontrack.provider.audit.AuditType;
import ch.ontrack.provider.system.SignIn;
import ch.ontrack.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Enrolling in two-factor sign-in, the code step of a sign-in, new recovery codes, and turning it off. */
@RestController
@RequestMapping("/api/auth")
class TwoFactorController {

    record CodeRequest(@NotBlank @Size(max = 40) String code) {}

    record DisableRequest(
            @NotBlank @Size(max = 128) String password,
            @NotBlank @Size(max = 40) String code) {}

    /** The password again: someone else holding the session must not put the account under their own app. */
    record SetupRequest(@NotBlank @Size(max = 128) String password) {}

    record Setup(String secret, String otpauthUri, int qrSize, String qrPath) {}

    record RecoveryCodes(List<String> recoveryCodes) {}

    private static final Logger log = LoggerFactory.getLogger(TwoFactorController.class);
    private final TwoFactor twoFactor;
    private final AccountState state;
    private final Accounts accounts;
    private final AccountMails mails;
    private final PasswordCheck passwordCheck;
    private final SignInDevices devices;
    private final SignIn signIn;
    private final Audit audit;

    TwoFactorController(
            TwoFactor twoFactor,
            AccountState state,
            Accounts accounts,
            AccountMails mails,
            PasswordCheck passwordCheck,
            SignInDevices devices,
            SignIn signIn,
            Audit audit) {
        this.audit = audit;
        this.twoFactor = twoFactor;
        this.state = state;
        this.accounts = accounts;
        this.mails = mails;
        this.passwordCheck = passwordCheck;
        this.devices = devices;
        this.signIn = signIn;
    }

    /** The second step of a sign-in whose password was right: only now is the session signed in. */
    @PostMapping("/login/second-factor")
    AccountView secondFactor(
            @Valid @RequestBody CodeRequest body, HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        TwoFactor.Pending pending =
                session == null ? null : (TwoFactor.Pending) session.getAttribute(TwoFactor.PENDING);
        if (pending == null || pending.until() < System.currentTimeMillis() || pending.triesLeft() <= 0) {
            if (session != null) {
                session.removeAttribute(TwoFactor.PENDING);
            }
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED,
                    "second-factor-expired",
                    "Sign in again",
                    "The sign-in waited too long for its code or had too many wrong codes. Sign in again.");
        }
        AccountState.State account = state.of(pending.providerId()).orElseThrow(AccountProblems::wrongCode);
        if (!twoFactor.check(account, body.code())) {
            session.setAttribute(
                    TwoFactor.PENDING,
                    new TwoFactor.Pending(pending.providerId(), pending.until(), pending.triesLeft() - 1));
            audit.record(account.id(), AuditType.SIGN_IN_FAILED);
            log.warn("Second factor failed for {} from {}", account.id(), request.getRemoteAddr());
            throw AccountProblems.wrongCode();
        }
        Provider provider = accounts.byId(account.id())
                .orElseThrow(AccountProblems::wrongCode)
                .provider();
        signIn.start(provider, request, response);
        audit.record(provider.id(), AuditType.SIGN_IN);
        devices.signedIn(account.id(), account.email(), account.language(), request);
        log.info("Login succeeded for {} with a second factor", provider.id());
        return AccountView.of(account);
    }

    @PostMapping("/two-factor/setup")
    Setup setup(@AuthenticationPrincipal Provider provider, @Valid @RequestBody SetupRequest body) {
        AccountState.State account = account(provider);
        passwordCheck.confirm(account.id(), body.password(), account.passwordHash());
        if (account.twoFactorEnabled()) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "two-factor-enabled",
                    "Two-factor sign-in is on",
                    "Two-factor sign-in is on already. Turn it off first to use another app.");
        }
        TwoFactor.Enrolment enrolment = twoFactor.begin(account);
        return new Setup(
                enrolment.secret(),
                enrolment.uri(),
                enrolment.qr().size(),
                enrolment.qr().path());
    }

    @PostMapping("/two-factor/enable")
    RecoveryCodes enable(
            @AuthenticationPrincipal Provider provider,
            @Valid @RequestBody CodeRequest body,
            HttpServletRequest request) {
        AccountState.State account = account(provider);
        if (account.twoFactorEnabled()) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "two-factor-enabled",
                    "Two-factor sign-in is on",
                    "Two-factor sign-in is on already.");
        }
        OptionalLong step = twoFactor.confirms(account, body.code());
        if (step.isEmpty()) {
            throw AccountProblems.wrongCode();
        }
        List<String> codes = twoFactor.enable(account.id(), step.getAsLong());
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(TwoFactor.ENROLMENT_REQUIRED);
        }
        mails.notice(account.email(), account.language(), AccountMails.Notice.TWO_FACTOR_ENABLED, Map.of());
        audit.record(account.id(), AuditType.TWO_FACTOR_ENABLED);
        log.info("Two-factor sign-in enabled for {}", account.id());
        return new RecoveryCodes(codes);
    }

    /** New recovery codes (the old ones stop working); needs a current code. */
    @PostMapping("/two-factor/recovery-codes")
    RecoveryCodes recoveryCodes(@AuthenticationPrincipal Provider provider, @Valid @RequestBody CodeRequest body) {
        AccountState.State account = account(provider);
        if (!twoFactor.check(account, body.code())) {
            throw AccountProblems.wrongCode();
        }
        return new RecoveryCodes(twoFactor.newRecoveryCodes(account.id()));
    }

    @PostMapping("/two-factor/disable")
    AccountView disable(@AuthenticationPrincipal Provider provider, @Valid @RequestBody DisableRequest body) {
        AccountState.State account = account(provider);
        passwordCheck.confirm(account.id(), body.password(), account.passwordHash());
        if (account.requireTwoFactor()) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "two-factor-required",
                    "Required by the organisation",
                    "Your organisation requires two-factor sign-in. Change that setting first.");
        }
        if (!twoFactor.check(account, body.code())) {
            throw AccountProblems.wrongCode();
        }
        state.disableTotp(account.id());
        mails.notice(account.email(), account.language(), AccountMails.Notice.TWO_FACTOR_DISABLED, Map.of());
        audit.record(account.id(), AuditType.TWO_FACTOR_DISABLED);
        log.info("Two-factor sign-in disabled for {}", account.id());
        return AccountView.of(state.of(account.id()).orElseThrow());
    }

    private AccountState.State account(Provider provider) {
        return state.of(provider.id()).orElseThrow(() -> ApiProblem.notFound("The account"));
    }
}
