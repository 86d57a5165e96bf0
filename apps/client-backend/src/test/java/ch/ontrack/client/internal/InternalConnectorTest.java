package ch.ontrack.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;

/** The internal port stays known while the server stops (InternalPortFilter compares every request with it). */
class InternalConnectorTest {

    @Test
    void keepsItsPortWhileTheServerStops() throws Exception {
        InternalConnector internal = new InternalConnector(new InternalApiSettings(0, "secret"));
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("internal-connector").toString());
        tomcat.getService().addConnector(internal.connector());
        tomcat.start();
        int port = internal.localPort();
        assertThat(port).isPositive();

        // what Spring Boot's graceful shutdown does first, then the server's stop
        internal.connector().getProtocolHandler().closeServerSocketGraceful();
        assertThat(internal.localPort()).isEqualTo(port);
        tomcat.stop();
        tomcat.destroy();

        assertThat(internal.connector().getLocalPort()).isEqualTo(-1); // what Tomcat says once unbound
        assertThat(internal.localPort()).isEqualTo(port);
    }
}
