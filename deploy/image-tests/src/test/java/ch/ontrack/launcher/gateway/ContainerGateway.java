package ch.ontrack.launcher.gateway;

import ch.ontrack.launcher.pki.LocalCa;
import ch.ontrack.launcher.topology.LocalTopology;
import ch.ontrack.launcher.topology.Route;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The local gateway's routes ({@link GatewayHandler}, {@link BackendProxy}) in front of containers: every component,
 * the web servers included, is proxied to the port its container publishes. It listens on 127.0.0.1:443, so the sites
 * are exactly the chart's public URLs (https://provider.localhost, https://client.localhost).
 */
public final class ContainerGateway implements AutoCloseable {

    public static final int HTTPS_PORT = 443;

    private final Server server;
    private final LocalCa ca;

    private ContainerGateway(Server server, LocalCa ca) {
        this.server = server;
        this.ca = ca;
    }

    /** Starts it; {@code ports} holds the published port of each component (provider-backend, ..., client-frontend). */
    public static ContainerGateway start(Path caDir, Map<String, Integer> ports) throws Exception {
        LocalCa ca = LocalCa.loadOrCreate(caDir);
        Map<String, Handler> targets = new LinkedHashMap<>();
        for (String component :
                LocalTopology.routes().stream().map(Route::component).distinct().toList()) {
            Integer port = ports.get(component);
            if (port == null) {
                throw new IllegalArgumentException("no container for the route to " + component);
            }
            targets.put(component, new BackendProxy(component, port, BackendTimeouts.PRODUCTION));
        }
        Server server = new Server();
        HttpConfiguration secure = new HttpConfiguration();
        secure.setSendServerVersion(false);
        secure.setSecureScheme("https");
        secure.setSecurePort(HTTPS_PORT);
        secure.addCustomizer(new SecureRequestCustomizer());
        SslContextFactory.Server tls = GatewayTls.contextFactory(ca, Gateway.hosts());
        ServerConnector https = new ServerConnector(
                server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(secure));
        https.setHost("127.0.0.1");
        https.setPort(HTTPS_PORT);
        https.setIdleTimeout(300_000);
        server.addConnector(https);
        server.setHandler(new GatewayHandler(targets, new NoMail(), Gateway.hosts(), HTTPS_PORT));
        server.setErrorHandler(new GatewayErrors());
        try {
            server.start();
        } catch (java.io.IOException e) {
            server.stop();
            throw new IllegalStateException(
                    "The gateway in front of the containers cannot listen on 127.0.0.1:" + HTTPS_PORT
                            + " (the chart's public URLs have no port): " + e.getMessage(),
                    e);
        }
        return new ContainerGateway(server, ca);
    }

    public URI siteUrl(String site) {
        return URI.create("https://" + site + GatewayHandler.DOMAIN);
    }

    public Path caCertificate() {
        return ca.certificateFile();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** No mail catcher in front of the containers: the chart's local SMTP host is not reachable from them. */
    private static final class NoMail extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }
    }
}
