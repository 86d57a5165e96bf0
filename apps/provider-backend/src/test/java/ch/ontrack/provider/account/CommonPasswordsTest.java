package ch.ontrack.provider.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The list loads beside start-up, and a list that cannot load still stops start-up. */
class CommonPasswordsTest {

    @Test
    void theShippedListKnowsCommonPasswordsWhateverTheirCase() {
        CommonPasswords passwords = new CommonPasswords();
        passwords.awaitLoaded();
        assertThat(passwords.isCommon("Password123")).isTrue();
        assertThat(passwords.isCommon("correct horse battery staple at the lake"))
                .isFalse();
    }

    @Test
    void aListThatCannotLoadFailsReadinessWithASentence() {
        CommonPasswords passwords = new CommonPasswords(() -> {
            throw new IllegalStateException("nbvcxz ships no passwords dictionary");
        });
        assertThatThrownBy(passwords::awaitLoaded)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The list of common passwords could not be loaded")
                .hasRootCauseMessage("nbvcxz ships no passwords dictionary");
    }

    @Test
    void aLoadedListAnswersWithoutWaiting() {
        CommonPasswords passwords = new CommonPasswords(() -> Set.of("hunter2"));
        passwords.awaitLoaded();
        assertThat(passwords.isCommon("HUNTER2")).isTrue();
    }
}
