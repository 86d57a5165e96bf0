package ch.ontrack.launcher.gateway;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * A built single-page app ({@code apps/<app>/dist}) as nginx serves it in production: files as
 * they are, {@code index.html} for every other path, hashed assets cached for a year.
 */
final class StaticSite extends Handler.Wrapper {

    private static final String ASSETS = "/assets/";

    StaticSite(Path dist) {
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.root().newResource(dist));
        files.setDirAllowed(false);
        files.setWelcomeFiles(List.of("index.html"));
        files.setUseFileMapping(false);
        setHandler(files);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        String path = Request.getPathInContext(request);
        boolean asset = path.startsWith(ASSETS);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, asset ? "public, max-age=31536000, immutable" : "no-cache");
        if (super.handle(request, response, callback)) {
            return true;
        }
        if (asset) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }
        // a client-side route such as /s/{token}: the app decides what to show
        HttpURI index = HttpURI.build(request.getHttpURI()).path("/index.html").query(null);
        if (super.handle(Request.serveAs(request, index), response, callback)) {
            return true;
        }
        Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
        return true;
    }
}
