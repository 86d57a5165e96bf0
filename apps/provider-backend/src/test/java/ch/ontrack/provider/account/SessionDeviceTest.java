package ch.ontrack.provider.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionDeviceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
      Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 | Chrome on Linux
      Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0 | Edge on Windows
      Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0 | Firefox on macOS
      Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1 | Safari on iOS
      Java-http-client/17 | Unknown
      """)
    void namesBrowserAndSystem(String userAgent, String device) {
        assertThat(SessionsController.device(userAgent)).isEqualTo(device);
    }
}
