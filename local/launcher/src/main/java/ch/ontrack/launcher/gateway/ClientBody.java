package ch.ontrack.launcher.gateway;

import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.client.ContentSourceRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.AutoLock;

/**
 * A client's request body on its way to a backend. When the backend stops reading it (it refused the request early and
 * closed the connection), the body is not failed but the rest of it is read and dropped, up to {@link #DRAIN_LIMIT}
 * bytes, before the client's exchange ends. A gateway that closed at once would reset a connection the client is still
 * sending on, and the client could lose the answer that was already on its way.
 */
final class ClientBody extends ContentSourceRequestContent {

    /** As much as Tomcat reads and drops of a body it refused (its default maxSwallowSize). */
    static final long DRAIN_LIMIT = 2 * 1024 * 1024;

    private final AutoLock lock = new AutoLock();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private Throwable failure;
    private Runnable demanded;
    private boolean demandPending;
    private boolean draining;
    private long dropped;

    ClientBody(Request clientToProxy) {
        super(clientToProxy, clientToProxy.getHeaders().get(HttpHeader.CONTENT_TYPE));
    }

    @Override
    public Content.Chunk read() {
        try (AutoLock ignored = lock.lock()) {
            if (failure != null) {
                return Content.Chunk.from(failure, true);
            }
        }
        return super.read();
    }

    @Override
    public void demand(Runnable demandCallback) {
        boolean forward;
        try (AutoLock ignored = lock.lock()) {
            forward = failure == null;
            if (forward) {
                demanded = demandCallback;
                demandPending = true;
            }
        }
        if (forward) {
            getContentSource().demand(this::onAvailable);
        } else {
            demandCallback.run();
        }
    }

    /** The backend exchange failed: the client's body is kept for {@link #drain()}, not failed. */
    @Override
    public void fail(Throwable failure, boolean last) {
        try (AutoLock ignored = lock.lock()) {
            if (this.failure == null) {
                this.failure = failure;
            }
        }
    }

    /** Whether sending the body to the backend failed before its end. */
    boolean failed() {
        try (AutoLock ignored = lock.lock()) {
            return failure != null;
        }
    }

    /** Reads and drops what is left of the body, up to {@link #DRAIN_LIMIT}; completes once done. */
    CompletableFuture<Void> drain() {
        boolean start;
        try (AutoLock ignored = lock.lock()) {
            start = !draining && !demandPending;
            draining = true;
        }
        if (start) {
            dropSome();
        }
        return drained;
    }

    private void onAvailable() {
        Runnable forward;
        try (AutoLock ignored = lock.lock()) {
            demandPending = false;
            forward = draining ? this::dropSome : (failure == null ? demanded : null);
            demanded = null;
        }
        if (forward != null) {
            forward.run();
        }
    }

    private void dropSome() {
        Content.Source client = getContentSource();
        while (dropped < DRAIN_LIMIT) {
            Content.Chunk chunk = client.read();
            if (chunk == null) {
                try (AutoLock ignored = lock.lock()) {
                    demandPending = true;
                }
                client.demand(this::onAvailable);
                return;
            }
            dropped += chunk.remaining();
            chunk.release();
            if (chunk.isLast() || Content.Chunk.isFailure(chunk)) {
                break;
            }
        }
        drained.complete(null);
    }
}
