package ch.ontrack.provider.account;

import ch.ontrack.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's name and its setting "require two-factor sign-in" (one account per organisation). */
@RestController
@RequestMapping("/api/auth")
class ProfileController {

    /** Both optional; what is missing stays. */
    record ProfileRequest(
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Nullable
            String organisation,

            @Nullable Boolean requireTwoFactor) {}

    private final AccountState state;

    ProfileController(AccountState state) {
        this.state = state;
    }

    /**
     * Requiring two-factor sign-in applies from the next sign-in: an account without a second factor must enrol
     * before it can do anything else.
     */
    @PatchMapping("/account")
    AccountView update(@AuthenticationPrincipal Provider provider, @Valid @RequestBody ProfileRequest body) {
        state.of(provider.id()).orElseThrow(() -> ApiProblem.notFound("The account"));
        if (body.organisation() != null) {
            state.setOrganisation(provider.id(), body.organisation().strip());
        }
        if (body.requireTwoFactor() != null) {
            state.setRequireTwoFactor(provider.id(), body.requireTwoFactor());
        }
        return AccountView.of(state.of(provider.id()).orElseThrow());
    }
}
