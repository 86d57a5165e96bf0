package ch.ontrack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** The pure rules behind the request limits, without a server. */
class RequestRulesTest {

    @Test
    void firstMatchingPathLimitWinsElseTheDefault() {
        var filter = new BodyLimitFilter(
                new RequestSettings(
                        DataSize.ofKilobytes(4),
                        List.of(
                                new RequestSettings.PathLimit("/internal/shares/*/files/*", DataSize.ofMegabytes(25)),
                                new RequestSettings.PathLimit("/internal/**", DataSize.ofKilobytes(256))),
                        new RequestSettings.Json(100, 8, DataSize.ofKilobytes(1))),
                JsonMapper.builder().build());

        assertThat(filter.limitFor("/internal/shares/s1/files/f1")).isEqualTo(25L * 1024 * 1024);
        assertThat(filter.limitFor("/internal/shares/s1")).isEqualTo(256L * 1024);
        assertThat(filter.limitFor("/api/shares/t/unlock")).isEqualTo(4096);
        // the servlet path is decoded once already: a literal '%' (from %25) is no escape
        assertThat(filter.limitFor("/internal/shares/\u0301\"%/expiry")).isEqualTo(256L * 1024);
        assertThat(filter.limitFor("/internal/shares/%/files/%2")).isEqualTo(25L * 1024 * 1024);
    }

    @Test
    void trustedProxiesBecomeCidrRanges() {
        var settings = new ForwardedSettings(List.of(" 127.0.0.1", "::1", "10.42.0.0/16", ""));

        assertThat(settings.trustedProxies()).containsExactly("127.0.0.1/32", "::1/128", "10.42.0.0/16");
    }

    @Test
    void hostNamesAndRegexesAreNoTrustedProxies() {
        assertThatThrownBy(() -> new ForwardedSettings(List.of("gateway.local")))
                .hasMessageContaining("not an IP address or CIDR range");
        assertThatThrownBy(() -> new ForwardedSettings(List.of("10\\.\\d+\\.\\d+\\.\\d+")))
                .hasMessageContaining("not an IP address or CIDR range");
        assertThatThrownBy(() -> new ForwardedSettings(List.of("10.0.0.0/99")))
                .hasMessageContaining("not an IP address or CIDR range");
    }

    @Test
    void textWithNulOrUnpairedSurrogatesIsNotStorable() {
        assertThat(StorableText.storable("Grüezi 👋")).isTrue();
        assertThat(StorableText.storable("a\u0000b")).isFalse();
        assertThat(StorableText.storable("a\ud83d")).isFalse();
        assertThat(StorableText.storable("\udc4b a")).isFalse();
    }
}
