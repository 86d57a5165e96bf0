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

    /** The port actually bound (differs from the configured one when that is 0). */
    public int localPort() {
        return connector.getLocalPort();
    }
}
