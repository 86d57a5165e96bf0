package ch.ontrack.launcher.gateway;

import ch.ontrack.web.SecurityHeaders;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Adds the production security headers to every response just before it is committed; a header
 * the backend set itself (a download's stricter Content-Security-Policy) is kept.
 */
final class SecuredResponse extends Response.Wrapper {

    private boolean added;

    SecuredResponse(Request request, Response wrapped) {
        super(request, wrapped);
    }

    @Override
    public void write(boolean last, ByteBuffer content, Callback callback) {
        addMissingHeaders();
        super.write(last, content, callback);
    }

    void addMissingHeaders() {
        if (added || isCommitted()) {
            return;
        }
        added = true;
        HttpFields.Mutable headers = getHeaders();
        SecurityHeaders.COMMON.forEach((name, value) -> {
            if (!headers.contains(name)) {
                headers.put(name, value);
            }
        });
    }
}
