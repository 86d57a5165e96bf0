package ch.ontrack.provider.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.web.ProblemHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which answers of the client backend park a delivery (docs/adr/0210) and which are retried. */
class RefusalTest {

    private static final String OWN_TYPE = ProblemHandler.TYPE_BASE + "files-missing";

    @ParameterizedTest
    @ValueSource(ints = {400, 409, 413, 415, 422})
    void aRefusalOfTheShareIsPermanent(int status) {
        assertThat(answered(status, OWN_TYPE).permanent()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 401, 403, 408, 429, 500, 502, 503, 504})
    void noAnswerOverloadOrAWrongSecretIsRetried(int status) {
        assertThat(answered(status, OWN_TYPE).permanent()).isFalse();
    }

    /** A route or port that is not there (yet) is no verdict on the share: a rollout or a shutdown in progress. */
    @ParameterizedTest
    @ValueSource(ints = {404, 405})
    void aCallThatDidNotReachTheShareIsRetried(int status) {
        assertThat(answered(status, ProblemHandler.TYPE_BASE + "not-found").permanent())
                .isFalse();
    }

    /** A proxy's error page or another service's problem is not the client backend refusing the share. */
    @ParameterizedTest
    @ValueSource(strings = {"", "about:blank", "https://example.com/problems/bad-request"})
    void aRefusalThatIsNotTheClientBackendsOwnIsRetried(String type) {
        assertThat(answered(400, type).permanent()).isFalse();
    }

    @Test
    void theReasonForTheProviderNamesNoInternalAddress() {
        assertThat(new ClientBackend.Unavailable("PUT /internal/shares/x failed", 0, null).reason)
                .isEqualTo("The client service did not answer.");
    }

    private static ClientBackend.Unavailable answered(int status, String type) {
        return new ClientBackend.Unavailable("answered " + status, status, "answered " + status, type, null);
    }
}
