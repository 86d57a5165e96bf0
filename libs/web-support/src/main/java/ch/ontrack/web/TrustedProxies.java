package ch.ontrack.web;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Narrows Tomcat's RemoteIpValve (server.forward-headers-strategy=native) from its default of
 * every private and loopback address to exactly {@link ForwardedSettings#trustedProxies()}.
 * Otherwise anyone reaching a backend port directly could choose their client address.
 */
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final String cidrs;

    TrustedProxies(ForwardedSettings settings) {
        this.cidrs = String.join(",", settings.trustedProxies());
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.getEngineValves().stream()
                .filter(RemoteIpValve.class::isInstance)
                .map(RemoteIpValve.class::cast)
                .forEach(valve -> {
                    // a list containing '/' is read as CIDR ranges, an empty one trusts nobody
                    valve.setInternalProxies(cidrs);
                    valve.setTrustedProxies(null);
                });
    }

    /** After Spring Boot's own customizer, which adds the valve. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
