package ch.ontrack.provider.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;

/** Starts and ends the provider's session: always a fresh session id and a fresh CSRF token at sign-in. */
@Component
public class SignIn {

    public static final String SIGNED_IN_AT = "oc.signedInAt";
    /** The browser's User-Agent and the client address at sign-in, for the account's list of sessions. */
    public static final String USER_AGENT = "oc.userAgent";

    public static final String CLIENT_ADDRESS = "oc.clientAddress";
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final CsrfTokenRepository csrfTokens;

    SignIn(CsrfTokenRepository csrfTokens) {
        this.csrfTokens = csrfTokens;
    }

    public void start(AuthenticatedPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(SIGNED_IN_AT, System.currentTimeMillis());
        String userAgent = request.getHeader("User-Agent");
        session.setAttribute(
                USER_AGENT, userAgent == null ? "" : userAgent.substring(0, Math.min(300, userAgent.length())));
        session.setAttribute(CLIENT_ADDRESS, request.getRemoteAddr());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        // a token seen before sign-in (planted, or read by someone else) is worth nothing after it
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
    }

    public void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }

    SecurityContextRepository contexts() {
        return contexts;
    }
}
