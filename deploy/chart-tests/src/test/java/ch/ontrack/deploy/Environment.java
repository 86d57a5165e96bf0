package ch.ontrack.deploy;

import java.nio.file.Path;

/** The environments, each with its values file and the gateway values of the cluster it runs on. */
enum Environment {
    PRODUCTION("production", "cloud", "oc-provider", "oc-client", "provider.on-track.ch", "client.on-track.ch"),
    STAGING(
            "staging",
            "cloud",
            "oc-staging-provider",
            "oc-staging-client",
            "staging.provider.on-track.ch",
            "staging.client.on-track.ch"),
    LOCAL("local", "local", "oc-provider", "oc-client", "provider.localhost", "client.localhost");

    private final String name;
    private final String cluster;
    private final String providerNamespace;
    private final String clientNamespace;
    private final String providerHost;
    private final String clientHost;

    Environment(
            String name,
            String cluster,
            String providerNamespace,
            String clientNamespace,
            String providerHost,
            String clientHost) {
        this.name = name;
        this.cluster = cluster;
        this.providerNamespace = providerNamespace;
        this.clientNamespace = clientNamespace;
        this.providerHost = providerHost;
        this.clientHost = clientHost;
    }

    String id() {
        return name;
    }

    Path valuesFile() {
        return Charts.ENVIRONMENTS.resolve(name + ".yaml");
    }

    Path gatewayValues() {
        return Charts.ENVIRONMENTS.resolve("gateway/" + cluster + ".yaml");
    }

    String namespace(String site) {
        return site.equals("provider") ? providerNamespace : clientNamespace;
    }

    String host(String site) {
        return site.equals("provider") ? providerHost : clientHost;
    }
}
