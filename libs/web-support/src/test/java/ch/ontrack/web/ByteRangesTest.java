package ch.ontrack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The range rules without a server (RFC 9110, 14.1.2 and 14.2). */
class ByteRangesTest {

    private static final String ETAG = "\"f1\"";

    private static ByteRanges.Part select(String range) {
        return ByteRanges.select(range, null, ETAG, 1000);
    }

    @Test
    void oneRangeInItsThreeForms() {
        assertThat(select("bytes=0-99")).isEqualTo(new ByteRanges.Part(0, 99, true));
        assertThat(select("bytes=990-")).isEqualTo(new ByteRanges.Part(990, 999, true));
        assertThat(select("bytes=-10")).isEqualTo(new ByteRanges.Part(990, 999, true));
        assertThat(select("bytes=-5000"))
                .as("a suffix longer than the file: all of it")
                .isEqualTo(new ByteRanges.Part(0, 999, true));
        assertThat(select("bytes=10-5000")).isEqualTo(new ByteRanges.Part(10, 999, true));
    }

    @Test
    void anythingElseIsTheWholeFile() {
        ByteRanges.Part whole = new ByteRanges.Part(0, 999, false);
        for (String range : new String[] {
            null, "bytes=5-1", "bytes=-", "bytes=0-1,5-6", "lines=1-2", "bytes=a-b", "bytes=99999999999999999999-"
        }) {
            assertThat(select(range)).as(String.valueOf(range)).isEqualTo(whole);
        }
        assertThat(ByteRanges.select("bytes=0-9", "\"old\"", ETAG, 1000))
                .as("If-Range of another version")
                .isEqualTo(whole);
        assertThat(ByteRanges.select("bytes=0-9", ETAG, ETAG, 1000)).isEqualTo(new ByteRanges.Part(0, 9, true));
    }

    @Test
    void aRangeBeyondTheEndIs416() {
        assertThatThrownBy(() -> select("bytes=1000-"))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("1000 bytes");
        assertThatThrownBy(() -> select("bytes=-0")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> ByteRanges.select("bytes=0-", null, ETAG, 0))
                .as("an empty file")
                .isInstanceOf(ApiProblem.class);
    }
}
