package ch.ontrack.smoke;

import ch.ontrack.apiclient.ApiSession;
import ch.ontrack.apiclient.CaTrust;
import java.net.URI;
import javax.net.ssl.SSLContext;

/** One session per site (its own cookies), all with the same trust and timeout; the mailbox only if given. */
record Sites(ApiSession provider, ApiSession client, ApiSession mailbox) {

    static Sites open(Options options) {
        SSLContext tls = options.caFile() == null ? null : CaTrust.withSystem(options.caFile());
        return new Sites(
                session(options.providerUrl(), tls, options),
                session(options.clientUrl(), tls, options),
                options.mailboxUrl() == null ? null : session(options.mailboxUrl(), tls, options));
    }

    private static ApiSession session(URI base, SSLContext tls, Options options) {
        return ApiSession.builder(base)
                .tls(tls)
                .connectTimeout(options.timeout())
                .timeout(options.timeout())
                .build()
                .header("Accept", "application/json, text/html;q=0.9, */*;q=0.5");
    }
}
