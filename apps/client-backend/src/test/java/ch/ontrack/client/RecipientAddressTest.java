package ch.ontrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The provider backend delivers only addresses with a dotted domain name; the client backend checks again. */
class RecipientAddressTest extends ApiTest {

    @Test
    void aRecipientWithoutADottedDomainNameIsRefused() {
        for (String address : List.of("a@b", "a@[127.0.0.1]", "anna@10.0.0.1")) {
            var share = shares.share().recipient(address);
            var refused = internal.exchange("PUT", "/internal/shares/" + share.id, share.body());
            assertThat(refused.status()).as(address).isEqualTo(422);
            assertThat(refused.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("recipientEmail");
        }
        var fine = shares.share().recipient("anna@example.ch");
        assertThat(internal.exchange("PUT", "/internal/shares/" + fine.id, fine.body())
                        .status())
                .isEqualTo(201);
    }
}
