package ch.ontrack.provider.account;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the owner of a sign-in from a device (browser and system, as the list of sessions names it) the account has
 * not been used from before: a mail with the device, the address and the time (ASVS 5.0 6.3.5). The first device an
 * account is seen with, at sign-up or at its first sign-in after this came in, is only noted.
 */
@Component
class SignInDevices {

    private final JdbcClient jdbc;
    private final AccountMails mails;

    SignInDevices(JdbcClient jdbc, AccountMails mails) {
        this.jdbc = jdbc;
        this.mails = mails;
    }

    /** After the session is signed in: notes the device and mails the owner when it is new to a known account. */
    void signedIn(UUID accountId, String email, String language, HttpServletRequest request) {
        String device = SessionsController.device(request.getHeader("User-Agent"));
        // the outer query sees the table as it was before the insert: "known" counts the devices seen earlier
        NewDevice seen = jdbc.sql("""
                        with added as (
                          insert into sign_in_device (provider_id, device) values (:id, :device)
                          on conflict do nothing
                          returning device)
                        select (select count(*) from added) as added,
                               (select count(*) from sign_in_device where provider_id = :id) as known
                        """)
                .param("id", accountId)
                .param("device", device)
                .query(NewDevice.class)
                .single();
        if (seen.added() > 0 && seen.known() > 0) {
            mails.notice(
                    email,
                    language,
                    AccountMails.Notice.NEW_SIGN_IN,
                    Map.of("device", device, "address", request.getRemoteAddr(), "time", Instant.now()));
        }
    }

    record NewDevice(long added, long known) {}
}
