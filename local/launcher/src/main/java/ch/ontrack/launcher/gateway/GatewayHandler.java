package ch.ontrack.launcher.gateway;

import ch.ontrack.launcher.topology.LocalTopology;
import ch.ontrack.launcher.topology.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Routes by host and path, like the production gateway: {@link LocalTopology#routes()}. */
final class GatewayHandler extends Handler.AbstractContainer {

    static final String DOMAIN = ".localhost";

    private final Map<String, Handler> components;
    private final Handler mail;
    private final List<String> hosts;
    private final int httpsPort;
    private final List<Route> routes = LocalTopology.routes();

    GatewayHandler(Map<String, Handler> components, Handler mail, List<String> hosts, int httpsPort) {
        this.components = Map.copyOf(components);
        this.mail = mail;
        this.hosts = List.copyOf(hosts);
        this.httpsPort = httpsPort;
        getHandlers().forEach(this::addBean);
    }

    @Override
    public List<Handler> getHandlers() {
        List<Handler> all = new ArrayList<>(components.values());
        all.add(mail);
        return all;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String host = Request.getServerName(request).toLowerCase(Locale.ROOT);
        if (!request.isSecure()) {
            if (!hosts.contains(host)) { // never redirect to a host name the client made up
                return misdirected(request, response, callback);
            }
            HttpURI target = HttpURI.build(request.getHttpURI())
                    .scheme("https")
                    .host(host)
                    .port(httpsPort);
            response.setStatus(HttpStatus.MOVED_PERMANENTLY_301);
            response.getHeaders().put(HttpHeader.LOCATION, target.asString());
            response.write(true, null, callback);
            return true;
        }
        SecuredResponse secured = new SecuredResponse(request, response);
        String path = Request.getPathInContext(request);
        if (isBlocked(path)) {
            Response.writeError(request, secured, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }
        if (!host.endsWith(DOMAIN)) {
            return misdirected(request, secured, callback);
        }
        String site = host.substring(0, host.length() - DOMAIN.length());
        if (site.equals(LocalTopology.MAIL)) {
            return mail.handle(request, secured, callback);
        }
        for (Route route : routes) {
            if (route.site().equals(site) && route.matches(path)) {
                return components.get(route.component()).handle(request, secured, callback);
            }
        }
        return misdirected(request, secured, callback);
    }

    static boolean isBlocked(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        int parameters = p.indexOf(';');
        if (parameters >= 0) {
            p = p.substring(0, parameters);
        }
        for (String prefix : LocalTopology.BLOCKED_PATH_PREFIXES) {
            if (p.equals(prefix) || p.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    private static boolean misdirected(Request request, Response response, Callback callback) {
        Response.writeError(request, response, callback, HttpStatus.MISDIRECTED_REQUEST_421);
        return true;
    }
}
