package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiSession;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With an absolute timeout of zero every session is over by its next request, however active. */
@TestPropertySource(properties = "SESSION_ABSOLUTE_TIMEOUT=0s")
class AbsoluteSessionTimeoutTest extends ApiTest {

    @Test
    void sessionEndsAfterTheAbsoluteTimeoutEvenWhenActive() {
        ApiSession browser = browser();
        TestData.provider().signUp(browser).expect(201);
        var me = browser.get("/api/auth/me").expect(401);
        assertThat(me.problemType()).isEqualTo("unauthenticated");
    }
}
