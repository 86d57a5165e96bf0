package ch.ontrack.web.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.Arrays;

/**
 * Both backends' range request checks over real HTTP (ByteRanges): a part across a chunk boundary, a resumed
 * download with If-Range, the last bytes, and the cases that give the whole file or 416.
 */
public final class RangeChecks {

    /** One answer of the download under test. */
    public record Answer(int status, HttpHeaders headers, byte[] body) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** Fetches the file with these extra request headers (name, value, ...). */
    public interface Fetch {
        Answer get(String... headers);
    }

    private RangeChecks() {}

    /** {@code bytes} must be longer than one 1 MiB chunk plus 2000 bytes. */
    public static void assertRangesServed(byte[] bytes, Fetch fetch) {
        int n = bytes.length;
        Answer whole = fetch.get();
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(bytes);
        assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
        String etag = whole.header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");

        int chunk = 1024 * 1024;
        Answer middle = fetch.get("Range", "bytes=" + (chunk - 1000) + "-" + (chunk + 999));
        assertThat(middle.status()).isEqualTo(206);
        assertThat(middle.header("Content-Range")).isEqualTo("bytes " + (chunk - 1000) + "-" + (chunk + 999) + "/" + n);
        assertThat(middle.header("Content-Length")).isEqualTo("2000");
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(bytes, chunk - 1000, chunk + 1000));

        Answer resumed = fetch.get("Range", "bytes=" + (chunk + 5) + "-", "If-Range", etag);
        assertThat(resumed.status()).isEqualTo(206);
        assertThat(resumed.body()).isEqualTo(Arrays.copyOfRange(bytes, chunk + 5, n));

        Answer last = fetch.get("Range", "bytes=-100");
        assertThat(last.status()).isEqualTo(206);
        assertThat(last.header("Content-Range")).isEqualTo("bytes " + (n - 100) + "-" + (n - 1) + "/" + n);
        assertThat(last.body()).isEqualTo(Arrays.copyOfRange(bytes, n - 100, n));

        Answer pastTheEnd = fetch.get("Range", "bytes=" + (n - 10) + "-" + (n + 1000));
        assertThat(pastTheEnd.status())
                .as("an end beyond the file is cut to it")
                .isEqualTo(206);
        assertThat(pastTheEnd.body()).isEqualTo(Arrays.copyOfRange(bytes, n - 10, n));

        for (String[] wholeAgain : new String[][] {
            {"Range", "bytes=0-9", "If-Range", "\"another-version\""},
            {"Range", "bytes=0-9,20-29"},
            {"Range", "items=0-9"},
            {"Range", "bytes=99999999999999999999-"}
        }) {
            Answer answer = fetch.get(wholeAgain);
            assertThat(answer.status()).as(String.join(" ", wholeAgain)).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(bytes);
        }

        Answer beyond = fetch.get("Range", "bytes=" + n + "-");
        assertThat(beyond.status()).isEqualTo(416);
        assertThat(beyond.header("Content-Range")).isEqualTo("bytes */" + n);
        assertThat(beyond.header("Content-Type")).startsWith("application/problem+json");
    }
}
