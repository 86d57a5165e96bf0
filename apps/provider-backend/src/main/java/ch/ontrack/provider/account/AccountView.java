package ch.ontrack.provider.account;

import java.util.UUID;

/**
 * The signed-in account as the web app sees it. {@code twoFactorEnrolmentRequired}: the organisation requires a
 * second factor and the account has none yet, so the app asks for enrolment before anything else.
 */
record AccountView(
        UUID id,
        String email,
        String organisation,
        boolean emailVerified,
        boolean twoFactorEnabled,
        boolean requireTwoFactor,
        boolean twoFactorEnrolmentRequired) {

    static AccountView of(AccountState.State s) {
        return new AccountView(
                s.id(),
                s.email(),
                s.organisation(),
                s.emailVerified(),
                s.twoFactorEnabled(),
                s.requireTwoFactor(),
                s.requireTwoFactor() && !s.twoFactorEnabled());
    }
}
