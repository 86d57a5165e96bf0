package ch.ontrack.client.internal;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/** A second Tomcat connector on INTERNAL_PORT: the internal API is served there and only there. */
@Component
public class InternalConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final Connector connector;

    InternalConnector(InternalApiSettings settings) {
        connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(settings.port());
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addAdditionalConnectors(connector);
    }

    /** The port it was last bound to, kept while the connector stops. */
    private volatile int boundPort = -1;

    /**
     * The port actually bound (differs from the configured one when that is 0). While the server stops, Tomcat
     * reports -1 for a connector whose socket is closed, yet requests on connections accepted before still arrive
     * there: they keep the port it was bound to, so they are still internal calls, not 404s (a delivery the provider
     * backend would take for a refusal for good).
     */
    public int localPort() {
        int bound = connector.getLocalPort();
        if (bound > 0) {
            boundPort = bound;
            return bound;
        }
        return boundPort;
    }

    Connector connector() {
        return connector;
    }
}
