package ch.ontrack.client;

import ch.ontrack.web.testing.SettingsConvention;
import org.junit.jupiter.api.Test;

class SettingsConventionTest {

    @Test
    void everySettingsRecordIsNamedBoundAndValidatedAlike() {
        SettingsConvention.assertFollowedIn("ch.ontrack.client");
    }
}
