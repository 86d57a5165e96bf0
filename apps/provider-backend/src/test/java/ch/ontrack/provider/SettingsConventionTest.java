package ch.ontrack.provider;

import ch.ontrack.web.testing.SettingsConvention;
import org.junit.jupiter.api.Test;

class SettingsConventionTest {

    @Test
    void everySettingsRecordIsNamedBoundAndValidatedAlike() {
        SettingsConvention.assertFollowedIn("ch.ontrack.provider");
    }
}
