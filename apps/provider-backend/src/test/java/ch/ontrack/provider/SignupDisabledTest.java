package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "SIGNUP_ENABLED=false")
class SignupDisabledTest extends ApiTest {

    @Test
    void signUpIsRefusedWith403() {
        var response = TestData.provider().signUp(browser()).expect(403);
        assertThat(response.problemType()).isEqualTo("signup-disabled");
    }
}
