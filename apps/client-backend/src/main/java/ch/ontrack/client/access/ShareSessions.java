package ch.ontrack.client.access;

import ch.ontrack.web.Tokens;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The short-lived session a successful unlock opens, bound to that one share. The cookie carries
 * 256 random bits; only their hash is stored.
 */
@Component
class ShareSessions {

    static final String COOKIE = "__Host-oc-share";

    private final JdbcClient jdbc;
    private final AccessSettings settings;

    ShareSessions(JdbcClient jdbc, AccessSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    void open(String shareId, HttpServletResponse response) {
        String value = Tokens.random();
        // the database clock decides, both here and when the session is checked
        jdbc.sql("insert into share_sessions (token_hash, share_id, expires_at)"
                        + " values (?, ?, now() + make_interval(secs => ?))")
                .params(Tokens.hash(value), shareId, settings.sessionTimeout().toSeconds())
                .update();
        ResponseCookie cookie = ResponseCookie.from(COOKIE, value)
                .secure(true)
                .httpOnly(true)
                .sameSite("Strict")
                .path("/")
                .maxAge(settings.sessionTimeout())
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    /** True when the request carries a live session for exactly this share. */
    boolean holds(HttpServletRequest request, String shareId) {
        Optional<String> value = cookie(request);
        if (value.isEmpty()) {
            return false;
        }
        return jdbc.sql("select count(*) from share_sessions"
                                + " where token_hash = ? and share_id = ? and expires_at > now()")
                        .params(Tokens.hash(value.get()), shareId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void deleteExpired() {
        jdbc.sql("delete from share_sessions where expires_at <= now()").update();
    }

    private static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())
                    && cookie.getValue() != null
                    && !cookie.getValue().isBlank()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }
}
