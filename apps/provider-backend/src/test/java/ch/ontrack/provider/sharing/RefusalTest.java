package ch.ontrack.provider.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which answers of the client backend park a delivery (docs/adr/0210) and which are retried. */
class RefusalTest {

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 409, 413, 415, 422})
    void aRefusalOfTheShareIsPermanent(int status) {
        assertThat(answered(status).permanent()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 401, 403, 408, 429, 500, 502, 503, 504})
    void noAnswerOverloadOrAWrongSecretIsRetried(int status) {
        assertThat(answered(status).permanent()).isFalse();
    }

    @Test
    void theReasonForTheProviderNamesNoInternalAddress() {
        assertThat(new ClientBackend.Unavailable("PUT /internal/shares/x failed", 0, null).reason)
                .isEqualTo("The client service did not answer.");
    }

    private static ClientBackend.Unavailable answered(int status) {
        return new ClientBackend.Unavailable("answered " + status, status, "answered " + status, null);
    }
}
