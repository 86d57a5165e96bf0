package ch.ontrack.web.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

class SettingsConventionTest {

    @Validated
    @ConfigurationProperties("oc.account-flow")
    record AccountFlowSettings(String publicUrl) {}

    @ConfigurationProperties("oc.uploads")
    record UploadProperties(int maxConcurrent) {}

    @Test
    void webSupportFollowsIt() {
        SettingsConvention.assertFollowedIn("ch.ontrack.web");
    }

    @Test
    void aValidatedRecordNamedAfterItsPrefixFollowsIt() {
        assertThat(SettingsConvention.problems(AccountFlowSettings.class)).isEmpty();
    }

    @Test
    void everyBreachIsNamed() {
        assertThat(SettingsConvention.problems(UploadProperties.class))
                .containsExactly(
                        "UploadProperties is not named <Name>Settings",
                        "UploadProperties is bound to 'oc.uploads', not 'oc.upload-properties'",
                        "UploadProperties is not @Validated");
    }
}
