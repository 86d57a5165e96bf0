package ch.ontrack.provider.account;

import ch.ontrack.provider.audit.Audit;
import ch.ontrack.provider.audit.AuditType;
import ch.ontrack.provider.system.SignIn;
import ch.ontrack.web.ApiProblem;
import ch.ontrack.web.Languages;
import ch.ontrack.web.ProblemHandler;
import ch.ontrack.web.input.EmailAddress;
import ch.ontrack.web.input.EmailAddresses;
import ch.ontrack.web.input.OneLine;
import ch.ontrack.web.input.Passwords;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
class AccountController {

    record SignupRequest(
            @NotBlank @EmailAddress @Size(max = 254) String email,
            @NotNull @Size(min = 12, max = 128) String password,
            @NotBlank @OneLine @Size(max = 200) String organisation) {}

    record LoginRequest(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 128) String password) {}

    /** {@code code}: a TOTP or recovery code, needed when two-factor sign-in is on. */
    record DeleteRequest(
            @NotBlank @Size(max = 128) String password,
            @Size(max = 40) @Nullable String code) {}

    record Account(UUID id, String email, String organisation) {
        static Account of(Provider p) {
            return new Account(p.id(), p.email(), p.organisation());
        }
    }

    private static final Logger log = LoggerFactory.getLogger(AccountController.class);
    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final SignIn signIn;
    private final LoginThrottle throttle;
    private final AccountSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final FindByIndexNameSessionRepository<?> sessions;
    /** Hashed off the start-up path; unknown accounts are checked against it so both cases take as long. */
    private final CompletableFuture<String> dummyHash;

    private final MeterRegistry meters;
    private final CommonPasswords common;
    private final Audit audit;
    private final AccountState state;
    private final EmailVerification verification;
    private final TwoFactor twoFactor;
    private final PasswordCheck passwordCheck;
    private final SignInDevices devices;

    AccountController(
            Accounts accounts,
            PasswordEncoder passwords,
            SignIn signIn,
            LoginThrottle throttle,
            AccountSettings settings,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            FindByIndexNameSessionRepository<?> sessions,
            MeterRegistry meters,
            CommonPasswords common,
            Audit audit,
            AccountState state,
            EmailVerification verification,
            TwoFactor twoFactor,
            PasswordCheck passwordCheck,
            SignInDevices devices) {
        this.accounts = accounts;
        this.passwordCheck = passwordCheck;
        this.devices = devices;
        this.passwords = passwords;
        this.signIn = signIn;
        this.throttle = throttle;
        this.settings = settings;
        this.events = events;
        this.tx = tx;
        this.sessions = sessions;
        this.meters = meters;
        this.common = common;
        this.audit = audit;
        this.state = state;
        this.verification = verification;
        this.twoFactor = twoFactor;
        for (String outcome : new String[] {"succeeded", "failed", "throttled"}) {
            meters.counter("oc.logins", "outcome", outcome);
        }
        meters.counter("oc.rate.limited", "limiter", "login");
        this.dummyHash =
                CompletableFuture.supplyAsync(() -> passwords.encode("a password nobody has " + UUID.randomUUID()));
    }

    @PostMapping("/signup")
    ResponseEntity<Account> signup(
            @Valid @RequestBody SignupRequest body, HttpServletRequest request, HttpServletResponse response) {
        if (!settings.signupEnabled()) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "signup-disabled",
                    "Sign-up disabled",
                    "New accounts cannot be created here.");
        }
        String email = normalise(body.email());
        String password = Passwords.normalise(body.password());
        common.refuseCommon("password", password);
        Provider provider;
        try {
            provider = accounts.create(
                    email, passwords.encode(password), body.organisation().strip());
        } catch (DuplicateKeyException e) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "email-taken",
                    "E-mail taken",
                    "An account with this e-mail address exists already.");
        }
        String language = Languages.fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        state.setLanguage(provider.id(), language);
        verification.sendLink(provider.id(), provider.email(), language);
        signIn.start(provider, request, response);
        devices.signedIn(provider.id(), provider.email(), language, request);
        log.info("Account created: {}", provider.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(Account.of(provider));
    }

    /** The answer to a right password when the account signs in with a second factor. */
    record SecondFactorRequired(boolean secondFactorRequired) {}

    @PostMapping("/login")
    @ApiResponse(
            responseCode = "200",
            description = "Signed in",
            content = @Content(schema = @Schema(implementation = Account.class)))
    @ApiResponse(
            responseCode = "202",
            description = "Password accepted: the second factor comes next",
            content = @Content(schema = @Schema(implementation = SecondFactorRequired.class)))
    ResponseEntity<?> login(
            @Valid @RequestBody LoginRequest body, HttpServletRequest request, HttpServletResponse response) {
        String email = normalise(body.email());
        OptionalLong wait = throttle.attempt(email, request.getRemoteAddr());
        if (wait.isPresent()) {
            log.warn("Login throttled for {} from {}", email, request.getRemoteAddr());
            meters.counter("oc.logins", "outcome", "throttled").increment();
            meters.counter("oc.rate.limited", "limiter", "login").increment();
            ProblemDetail problem = ProblemHandler.problem(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-attempts",
                    "Too many attempts",
                    "Too many sign-in attempts. Try again later.");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()))
                    .body(problem);
        }
        Optional<Accounts.Stored> stored = accounts.byEmail(email);
        // hash even for unknown accounts, so both failures take the same time
        boolean ok = passwordCheck.matches(
                body.password(),
                stored.map(Accounts.Stored::passwordHash).orElseGet(dummyHash::join),
                stored.map(s -> s.provider().id()).orElse(null));
        if (stored.isEmpty() || !ok) {
            throttle.failed(email, request.getRemoteAddr());
            stored.ifPresent(s -> audit.record(s.provider().id(), AuditType.SIGN_IN_FAILED));
            log.warn("Login failed for {} from {}", email, request.getRemoteAddr());
            meters.counter("oc.logins", "outcome", "failed").increment();
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED,
                    "invalid-credentials",
                    "Invalid credentials",
                    "E-mail or password is wrong.");
        }
        Provider provider = stored.get().provider();
        throttle.succeeded(email, request.getRemoteAddr());
        AccountState.State account = state.of(provider.id()).orElseThrow();
        if (account.twoFactorEnabled()) {
            // the password was right: the session is signed in only after the code (POST /api/auth/login/second-factor)
            twoFactor.awaitCode(provider.id(), request);
            log.info("Password accepted for {}; waiting for the second factor", provider.id());
            return ResponseEntity.accepted().body(new SecondFactorRequired(true));
        }
        signIn.start(provider, request, response);
        audit.record(provider.id(), AuditType.SIGN_IN);
        devices.signedIn(account.id(), account.email(), account.language(), request);
        if (account.requireTwoFactor()) {
            request.getSession().setAttribute(TwoFactor.ENROLMENT_REQUIRED, true);
        }
        log.info("Login succeeded for {}", provider.id());
        meters.counter("oc.logins", "outcome", "succeeded").increment();
        return ResponseEntity.ok(Account.of(provider));
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        signIn.end(request);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    AccountView me(@AuthenticationPrincipal Provider provider, HttpServletRequest request) {
        return state.of(provider.id()).map(AccountView::of).orElseThrow(() -> {
            signIn.end(request);
            return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Not signed in", "Sign in to continue.");
        });
    }

    /** Lets the SPA obtain the XSRF-TOKEN cookie before its first POST. */
    @GetMapping("/csrf")
    ResponseEntity<Void> csrf() {
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/account")
    ResponseEntity<Void> delete(
            @AuthenticationPrincipal Provider provider,
            @Valid @RequestBody DeleteRequest body,
            HttpServletRequest request) {
        Accounts.Stored stored = accounts.byId(provider.id()).orElseThrow(() -> ApiProblem.notFound("The account"));
        passwordCheck.confirm(provider.id(), body.password(), stored.passwordHash());
        AccountState.State account = state.of(provider.id()).orElseThrow(() -> ApiProblem.notFound("The account"));
        if (account.twoFactorEnabled() && !twoFactor.check(account, body.code())) {
            throw AccountProblems.wrongCode();
        }
        tx.executeWithoutResult(status -> {
            events.publishEvent(new AccountDeleting(provider.id()));
            accounts.delete(provider.id());
        });
        sessions.findByPrincipalName(provider.getName()).keySet().forEach(sessions::deleteById);
        signIn.end(request);
        log.info("Account deleted: {}", provider.id());
        return ResponseEntity.noContent().build();
    }

    /** Accounts are one per mailbox: the whole address in lower case (EmailAddresses explains the rest). */
    private static String normalise(String email) {
        return EmailAddresses.normalise(email).toLowerCase(Locale.ROOT);
    }
}
