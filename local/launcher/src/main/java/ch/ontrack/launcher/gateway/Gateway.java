package ch.ontrack.launcher.gateway;

import ch.ontrack.launcher.component.Component;
import ch.ontrack.launcher.component.LaunchException;
import ch.ontrack.launcher.pki.LocalCa;
import ch.ontrack.launcher.topology.LaunchOptions;
import ch.ontrack.launcher.topology.LocalTopology;
import ch.ontrack.launcher.topology.Preflight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The local gateway: HTTPS with certificates from the local CA, HTTP only to redirect. */
public final class Gateway implements Component {

    private static final long IDLE_TIMEOUT_MS = 300_000;
    private final LaunchOptions options;
    private final LocalCa ca;
    private final Handler mail;
    private final BackendTimeouts timeouts;
    private Server server;
    private GatewayAccessLog accessLog;

    public Gateway(LaunchOptions options, LocalCa ca, Handler mail) {
        this(options, ca, mail, BackendTimeouts.PRODUCTION);
    }

    Gateway(LaunchOptions options, LocalCa ca, Handler mail, BackendTimeouts timeouts) {
        this.options = options;
        this.ca = ca;
        this.mail = mail;
        this.timeouts = timeouts;
    }

    /** Every host name the gateway answers, in the order of its certificate's names. */
    static List<String> hosts() {
        return java.util.stream.Stream.concat(
                        LocalTopology.sites().stream(), java.util.stream.Stream.of(LocalTopology.MAIL))
                .map(site -> site + GatewayHandler.DOMAIN)
                .toList();
    }

    @Override
    public String name() {
        return LocalTopology.GATEWAY;
    }

    @Override
    public synchronized void start() throws Exception {
        Map<String, Handler> targets = new LinkedHashMap<>();
        for (String backend : LocalTopology.BACKENDS) {
            targets.put(backend, new BackendProxy(backend, options.port(backend, "server"), timeouts));
        }
        for (String frontend : LocalTopology.FRONTENDS) {
            Path dist = Preflight.dist(options, frontend);
            if (!Files.isRegularFile(dist.resolve("index.html"))) {
                throw new LaunchException(frontend + " is not built: " + dist + "/index.html is missing."
                        + " Build it with: mvn -B -q -DskipTests -pl apps/" + frontend + " install");
            }
            targets.put(frontend, new StaticSite(dist));
        }
        QueuedThreadPool threads = new QueuedThreadPool(200, 4);
        threads.setName("gateway");
        server = new Server(threads);
        HttpConfiguration plain = new HttpConfiguration();
        plain.setSendServerVersion(false);
        HttpConfiguration secure = new HttpConfiguration(plain);
        secure.setSecureScheme("https");
        secure.setSecurePort(options.httpsPort());
        secure.addCustomizer(new SecureRequestCustomizer());

        SslContextFactory.Server tls = GatewayTls.contextFactory(ca, hosts());
        ServerConnector https = new ServerConnector(
                server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(secure));
        https.setHost("127.0.0.1");
        https.setPort(options.httpsPort());
        https.setIdleTimeout(IDLE_TIMEOUT_MS);
        ServerConnector http = new ServerConnector(server, new HttpConnectionFactory(plain));
        http.setHost("127.0.0.1");
        http.setPort(options.httpPort());
        server.addConnector(https);
        server.addConnector(http);
        server.setHandler(new GatewayHandler(targets, mail, hosts(), options.httpsPort()));
        server.setErrorHandler(new GatewayErrors());
        accessLog = new GatewayAccessLog(options.dataDir().resolve("logs").resolve(LocalTopology.GATEWAY + ".log"));
        server.setRequestLog(accessLog);
        try {
            server.start();
        } catch (java.io.IOException e) {
            stop();
            throw new LaunchException(
                    "The gateway cannot listen on ports " + options.httpsPort() + " and " + options.httpPort() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                // stopping anyway: nothing else to release
            }
            server = null;
        }
        if (accessLog != null) {
            accessLog.close();
            accessLog = null;
        }
    }
}
