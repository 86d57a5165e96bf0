package ch.ontrack.provider.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

/** Why a delivery attempt failed, as the oc_deliveries_total reason tag says it. */
class SharingMetersReasonTest {

    @Test
    void reasonsFollowTheClientBackendsAnswer() {
        assertThat(reason(new ClientBackend.Unavailable("x", 0, new HttpTimeoutException("t"))))
                .isEqualTo("timeout");
        assertThat(reason(new ClientBackend.Unavailable("x", 0, new ConnectException("c"))))
                .isEqualTo("unreachable");
        assertThat(reason(new ClientBackend.Unavailable("x", 503, null))).isEqualTo("server-error");
        assertThat(reason(new ClientBackend.Unavailable("x", 504, null))).isEqualTo("timeout");
        assertThat(reason(new ClientBackend.Unavailable("x", 422, null))).isEqualTo("rejected");
        assertThat(reason(new ClientBackend.Unavailable("x", 401, null))).isEqualTo("rejected");
        assertThat(reason(new IllegalStateException("database"))).isEqualTo("other");
    }

    private static String reason(RuntimeException e) {
        return SharingMeters.Reason.of(e).tag();
    }
}
