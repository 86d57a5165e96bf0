package ch.ontrack.launcher.gateway;

import ch.ontrack.apiclient.ApiSession;
import ch.ontrack.apiclient.CaTrust;
import ch.ontrack.launcher.mail.MailCatcher;
import ch.ontrack.launcher.mail.MailPage;
import ch.ontrack.launcher.pki.LocalCa;
import ch.ontrack.launcher.topology.LaunchOptions;
import ch.ontrack.launcher.topology.LocalTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;

/** A gateway on free ports with two tiny built frontends and a mail catcher, for tests. */
record TestGateway(LaunchOptions options, LocalCa ca, MailCatcher mail, Gateway gateway) implements AutoCloseable {

    static TestGateway start(Path repo, Path data) throws Exception {
        return start(repo, data, BackendTimeouts.PRODUCTION);
    }

    static TestGateway start(Path repo, Path data, BackendTimeouts timeouts) throws Exception {
        writeFrontends(repo);
        LaunchOptions options = LaunchOptions.forTests(repo, data);
        MailCatcher mail = new MailCatcher(options.port("mail", "smtp"));
        mail.start();
        LocalCa ca = LocalCa.loadOrCreate(data.resolve("ca"));
        Gateway gateway = new Gateway(options, ca, new MailPage(mail), timeouts);
        gateway.start();
        return new TestGateway(options, ca, mail, gateway);
    }

    static void writeFrontends(Path repo) {
        try {
            for (String app : LocalTopology.FRONTENDS) {
                Path dist = repo.resolve("apps").resolve(app).resolve("dist");
                Files.createDirectories(dist.resolve("assets"));
                Files.writeString(dist.resolve("index.html"), "<!doctype html><title>" + app + "</title>");
                Files.writeString(dist.resolve("assets/app-1a2b.js"), "console.log('" + app + "')");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpClient https() {
        return ApiSession.httpClient(CaTrust.only(ca.certificateFile()));
    }

    int httpsPort() {
        return options.httpsPort();
    }

    @Override
    public void close() {
        gateway.stop();
        mail.stop();
    }
}
