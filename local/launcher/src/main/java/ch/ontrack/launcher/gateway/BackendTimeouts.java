package ch.ontrack.launcher.gateway;

import java.time.Duration;

/**
 * How long the gateway waits on a backend, as the production gateway does (deploy/charts/oc-platform/values.yaml).
 *
 * @param api request timeout of the API routes, until the answer is complete
 * @param transfer request timeout of uploads and downloads
 * @param exchangeIdle how long a request in progress may pass no byte either way
 * @param pooledIdle how long an unused connection to a backend stays open: shorter than the backends' keep-alive
 *     (Tomcat closes an idle connection after 60 s), so the gateway closes it first and never sends a request on a
 *     connection the backend is closing at that moment (docs/adr/0360)
 */
record BackendTimeouts(Duration api, Duration transfer, Duration exchangeIdle, Duration pooledIdle) {

    static final BackendTimeouts PRODUCTION = new BackendTimeouts(
            Duration.ofSeconds(60), Duration.ofSeconds(600), Duration.ofMinutes(5), Duration.ofSeconds(30));

    BackendTimeouts withApi(Duration api) {
        return new BackendTimeouts(api, transfer, exchangeIdle, pooledIdle);
    }

    BackendTimeouts withPooledIdle(Duration pooledIdle) {
        return new BackendTimeouts(api, transfer, exchangeIdle, pooledIdle);
    }
}
