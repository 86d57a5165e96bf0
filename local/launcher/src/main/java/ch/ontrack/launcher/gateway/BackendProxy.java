package ch.ontrack.launcher.gateway;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Streams requests to a backend's API port, as the production gateway does: the Host header is
 * kept, X-Forwarded-* are set by the gateway only (a client's own values are dropped), with the
 * production gateway's timeouts.
 */
final class BackendProxy extends ProxyHandler.Reverse {

    private static final String[] FORWARDED = {
        "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port", "Forwarded"
    };

    /** Uploads and downloads, which the production gateway gives its longer transfer timeout. */
    private static final Pattern TRANSFER = Pattern.compile("^/api/(documents|shares)/[^/]+/files(/[^/]+)?$");

    private final String backend;
    private final Duration apiTimeout;
    private final Duration transferTimeout;

    BackendProxy(String backend, int port, Duration apiTimeout, Duration transferTimeout) {
        super(request -> HttpURI.build(request.getHttpURI())
                .scheme("http")
                .host("127.0.0.1")
                .port(port));
        this.backend = backend;
        this.apiTimeout = apiTimeout;
        this.transferTimeout = transferTimeout;
        setViaHost("gateway");
    }

    @Override
    protected org.eclipse.jetty.client.Request newProxyToServerRequest(Request clientToProxy, HttpURI newHttpURI) {
        Duration timeout =
                TRANSFER.matcher(Request.getPathInContext(clientToProxy)).matches() ? transferTimeout : apiTimeout;
        return super.newProxyToServerRequest(clientToProxy, newHttpURI)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A backend that is down, slow or failing: a status and a sentence, rendered by {@link GatewayErrors}. */
    @Override
    protected void onServerToProxyResponseFailure(
            Request clientToProxy,
            org.eclipse.jetty.client.Request proxyToServer,
            org.eclipse.jetty.client.Response serverToProxy,
            Response proxyToClient,
            Callback callback,
            Throwable failure) {
        if (proxyToClient.isCommitted()) {
            callback.failed(failure); // the backend's status is already sent: the connection is cut
            return;
        }
        proxyToClient.reset();
        Response.writeError(clientToProxy, proxyToClient, callback, status(failure), detail(failure), null);
    }

    static int status(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return HttpStatus.GATEWAY_TIMEOUT_504;
        }
        return failure instanceof ConnectException ? HttpStatus.SERVICE_UNAVAILABLE_503 : HttpStatus.BAD_GATEWAY_502;
    }

    private String detail(Throwable failure) {
        return switch (status(failure)) {
            case HttpStatus.GATEWAY_TIMEOUT_504 -> "The " + backend + " did not answer within its timeout.";
            case HttpStatus.SERVICE_UNAVAILABLE_503 ->
                "The " + backend + " is not running or not reachable; try again shortly.";
            default -> "The " + backend + " failed while answering.";
        };
    }

    @Override
    protected HttpClient newHttpClient() {
        HttpClient client = super.newHttpClient();
        client.setFollowRedirects(false);
        client.setIdleTimeout(300_000);
        // pass the browser's User-Agent on (the account's list of sessions names devices by it), not Jetty's
        client.setUserAgentField(null);
        return client;
    }

    @Override
    protected org.eclipse.jetty.http.HttpField filterServerToProxyResponseField(
            org.eclipse.jetty.http.HttpField field) {
        // the gateway sends its own Date header
        return field.getHeader() == HttpHeader.DATE ? null : field;
    }

    @Override
    protected void copyRequestHeaders(Request clientToProxy, org.eclipse.jetty.client.Request proxyToServer) {
        super.copyRequestHeaders(clientToProxy, proxyToServer);
        proxyToServer.headers(headers -> {
            for (String name : FORWARDED) {
                headers.remove(name);
            }
        });
    }

    @Override
    protected void addProxyHeaders(Request clientToProxy, org.eclipse.jetty.client.Request proxyToServer) {
        super.addProxyHeaders(clientToProxy, proxyToServer);
        String host = clientToProxy.getHeaders().get(HttpHeader.HOST);
        proxyToServer.headers(headers -> {
            headers.put("X-Forwarded-For", Request.getRemoteAddr(clientToProxy));
            headers.put("X-Forwarded-Proto", clientToProxy.isSecure() ? "https" : "http");
            headers.put("X-Forwarded-Port", Integer.toString(Request.getLocalPort(clientToProxy)));
            if (host != null) {
                headers.put("X-Forwarded-Host", host);
            }
        });
    }
}
