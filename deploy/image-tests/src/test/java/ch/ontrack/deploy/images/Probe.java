package ch.ontrack.deploy.images;

/** A probe with an httpGet action, its named port resolved, and Kubernetes' defaults filled in. */
record Probe(String kind, String path, int port, int periodSeconds, int timeoutSeconds, int failureThreshold) {

    /** How long Kubernetes keeps trying before it gives up on the container. */
    int budgetSeconds() {
        return periodSeconds * failureThreshold;
    }

    /** The same probe, every second: planted-defect tests fail in seconds instead of minutes. */
    Probe everySecond() {
        return new Probe(kind, path, port, 1, timeoutSeconds, failureThreshold);
    }
}
