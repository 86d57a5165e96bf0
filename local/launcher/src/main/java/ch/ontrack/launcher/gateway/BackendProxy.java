package ch.ontrack.launcher.gateway;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;

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
    private final BackendTimeouts timeouts;

    BackendProxy(String backend, int port, BackendTimeouts timeouts) {
        super(request -> HttpURI.build(request.getHttpURI())
                .scheme("http")
                .host("127.0.0.1")
                .port(port));
        this.backend = backend;
        this.timeouts = timeouts;
        setViaHost("gateway");
    }

    @Override
    protected org.eclipse.jetty.client.Request newProxyToServerRequest(Request clientToProxy, HttpURI newHttpURI) {
        Duration timeout =
                TRANSFER.matcher(Request.getPathInContext(clientToProxy)).matches()
                        ? timeouts.transfer()
                        : timeouts.api();
        // the exchange's own idle timeout replaces the pooled connection's while it runs (Jetty restores it after)
        return super.newProxyToServerRequest(clientToProxy, newHttpURI)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .idleTimeout(timeouts.exchangeIdle().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected org.eclipse.jetty.client.Request.Content newProxyToServerRequestContent(
            Request clientToProxy, Response proxyToClient, org.eclipse.jetty.client.Request proxyToServer) {
        return new ClientBody(clientToProxy);
    }

    @Override
    protected org.eclipse.jetty.client.Response.CompleteListener newServerToProxyResponseListener(
            Request clientToProxy,
            org.eclipse.jetty.client.Request proxyToServer,
            Response proxyToClient,
            Callback callback) {
        return new EarlyAnswers(clientToProxy, proxyToServer, proxyToClient, callback);
    }

    @Override
    protected void onProxyToClientResponseComplete(
            Request clientToProxy,
            org.eclipse.jetty.client.Request proxyToServer,
            org.eclipse.jetty.client.Response serverToProxy,
            Response proxyToClient,
            Callback callback) {
        afterTheBody(proxyToServer, callback::succeeded);
    }

    /**
     * Runs the step once the rest of a body the backend did not take is read ({@link ClientBody}): a client may read
     * the answer only after it has sent its whole body, and would lose it to a connection closed before.
     */
    private static void afterTheBody(org.eclipse.jetty.client.Request proxyToServer, Runnable step) {
        if (proxyToServer.getBody() instanceof ClientBody body && body.failed()) {
            body.drain().whenComplete((done, failure) -> step.run());
        } else {
            step.run();
        }
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
        afterTheBody(
                proxyToServer,
                () -> Response.writeError(
                        clientToProxy, proxyToClient, callback, status(failure), detail(failure), null));
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
        client.setIdleTimeout(timeouts.pooledIdle().toMillis());
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

    /**
     * A backend may answer before it has read the whole body and then close the connection, as Tomcat does after a
     * 400. Sending the rest of the body then fails, and the HTTP client fails the exchange, even when the answer has
     * arrived whole. An answer that arrived whole (its Content-Length passed on, or its end seen) is passed on as the
     * backend's answer, not replaced by a bad gateway or a cut connection.
     */
    private final class EarlyAnswers extends ProxyResponseListener {

        private final Response proxyToClient;
        private final AtomicLong passedOn = new AtomicLong();
        private volatile CompletableFuture<Void> written = CompletableFuture.completedFuture(null);

        EarlyAnswers(
                Request clientToProxy,
                org.eclipse.jetty.client.Request proxyToServer,
                Response proxyToClient,
                Callback callback) {
            super(clientToProxy, proxyToServer, proxyToClient, callback);
            this.proxyToClient = proxyToClient;
        }

        @Override
        public void onContent(org.eclipse.jetty.client.Response serverToProxy, Content.Chunk chunk, Runnable demander) {
            passedOn.addAndGet(chunk.remaining());
            CompletableFuture<Void> done = new CompletableFuture<>();
            written = done;
            chunk.retain();
            proxyToClient.write(
                    false,
                    chunk.getByteBuffer(),
                    Callback.from(
                            InvocationType.NON_BLOCKING, // as Jetty's own listener: nothing here blocks
                            () -> {
                                chunk.release();
                                done.complete(null);
                                demander.run();
                            },
                            failure -> {
                                chunk.release();
                                done.completeExceptionally(failure);
                                serverToProxy.abort(failure); // the client is gone: stop reading the backend
                            }));
        }

        @Override
        public void onComplete(Result result) {
            org.eclipse.jetty.client.Response answer = result.getResponse();
            if (result.isSucceeded() || result.getResponseFailure() == null) {
                super.onComplete(new Result(result.getRequest(), answer));
            } else if (arrivedWhole(answer)) {
                // the end of the answer was not seen before the exchange failed: write it, then complete as usual
                written.whenComplete((done, failure) -> {
                    if (failure == null) {
                        proxyToClient.write(true, BufferUtil.EMPTY_BUFFER, this);
                        super.onComplete(new Result(result.getRequest(), answer));
                    } else {
                        super.onComplete(result);
                    }
                });
            } else {
                super.onComplete(result);
            }
        }

        private boolean arrivedWhole(org.eclipse.jetty.client.Response answer) {
            long length = answer.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
            return answer.getStatus() > 0 && length >= 0 && length == passedOn.get();
        }
    }
}
