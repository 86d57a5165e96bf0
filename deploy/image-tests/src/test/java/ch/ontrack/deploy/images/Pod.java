package ch.ontrack.deploy.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One running container of a {@link ContainerPlan}, with what the kubelet does around it: the probes (from this
 * machine to the container's address, as the kubelet probes from the node), the preStop sleep and the grace period.
 * Every failure names the container and, where its log or state shows one, the cause.
 */
final class Pod implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    final ContainerPlan plan;
    final String id;
    private final String ip;

    private Pod(ContainerPlan plan, String id, String ip) {
        this.plan = plan;
        this.id = id;
        this.ip = ip;
    }

    ContainerPlan plan() {
        return plan;
    }

    /** podman run of the plan on a network at a fixed address; {@code hosts} become /etc/hosts entries. */
    static Pod run(ContainerPlan plan, String containerName, String network, String ip, Map<String, String> hosts) {
        List<String> args =
                new ArrayList<>(List.of("run", "--detach", "--name", containerName, "--network", network, "--ip", ip));
        hosts.forEach((host, address) -> args.add("--add-host=" + host + ":" + address));
        args.addAll(plan.runArgs());
        args.add(plan.image());
        Podman.Result r = Podman.run(args, plan.env(), 300, null);
        if (r.exit() != 0) {
            throw new AssertionError(
                    "container " + plan.name() + " (" + plan.image() + ") did not start: " + r.lastLines(10));
        }
        Pod pod = new Pod(plan, containerName, ip);
        try {
            plan.ports().keySet().forEach(pod::publishedPort);
        } catch (RuntimeException e) {
            // it stopped at once: the probes report why
        }
        return pod;
    }

    /** Waits as the kubelet would: the startup probe, then the readiness probe; fails with the cause. */
    void awaitReady() {
        await(plan.startup());
        await(plan.readiness());
    }

    private void await(Probe probe) {
        String last = "never probed";
        for (int attempt = 1; attempt <= probe.failureThreshold(); attempt++) {
            if (!running()) {
                throw new AssertionError(
                        diagnosis("exited with code " + exitCode() + " before its " + probe.kind() + " passed"));
            }
            last = check(probe);
            if (last == null) {
                return;
            }
            sleep(probe.periodSeconds());
        }
        throw new AssertionError(diagnosis(probe.kind() + " GET " + url(probe) + " failed " + probe.failureThreshold()
                + " times (every " + probe.periodSeconds() + " s), last: " + last));
    }

    /** null when the probe passes, else what went wrong. */
    String check(Probe probe) {
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url(probe)))
                            .timeout(Duration.ofSeconds(probe.timeoutSeconds()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() >= 200 && r.statusCode() < 400 ? null : "status " + r.statusCode();
        } catch (java.net.ConnectException e) {
            return "connection refused: nothing listens on port " + probe.port() + listening();
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private String url(Probe probe) {
        return "http://" + ip + ":" + probe.port() + probe.path();
    }

    /** The port podman published on 127.0.0.1 for a port of the container (read while it runs, then kept). */
    synchronized int publishedPort(String portName) {
        return published.computeIfAbsent(portName, name -> {
            String out = Podman.check("port", id, plan.ports().get(name) + "/tcp");
            return Integer.parseInt(out.lines().findFirst().orElseThrow().replaceAll(".*:", ""));
        });
    }

    private final Map<String, Integer> published = new java.util.HashMap<>();

    /** Kubernetes' stop: the preStop sleep, then SIGTERM (the image's stop signal), SIGKILL when the grace period ends. */
    Stopped stop() {
        long t0 = System.nanoTime();
        sleep(plan.preStopSleepSeconds());
        Podman.check(
                "stop",
                "--time",
                Integer.toString(plan.terminationGracePeriodSeconds() - plan.preStopSleepSeconds()),
                id);
        return new Stopped(exitCode(), Duration.ofNanos(System.nanoTime() - t0));
    }

    record Stopped(int exitCode, Duration took) {
        /** 137: killed by SIGKILL when the grace period ran out. */
        boolean killed() {
            return exitCode == 137;
        }
    }

    boolean running() {
        return Podman.check("inspect", "--format", "{{.State.Running}}", id).equals("true");
    }

    int exitCode() {
        return Integer.parseInt(Podman.check("inspect", "--format", "{{.State.ExitCode}}", id));
    }

    /** The host's process id of the container's first process (0 when it is not running). */
    long hostPid() {
        return Long.parseLong(Podman.check("inspect", "--format", "{{.State.Pid}}", id));
    }

    String logs() {
        Podman.Result r = Podman.run(List.of("logs", id), Map.of(), 60, null);
        return r.out() + r.err();
    }

    /** "container X: problem", with the cause the log shows and the end of the log. */
    String diagnosis(String problem) {
        String log = logs();
        List<String> lines = log.lines().filter(l -> !l.isBlank()).toList();
        StringBuilder b = new StringBuilder("container " + plan.name() + " (" + plan.image() + "): " + problem);
        for (String line : lines) {
            if (line.contains("Read-only file system")) {
                b.append("\n  cause: it writes outside its writable mounts ")
                        .append(plan.emptyDirs().keySet())
                        .append(": ")
                        .append(line.strip());
                break;
            }
            if (line.contains("No such file or directory")
                    || line.contains("ClassNotFoundException")
                    || line.contains("Could not find or load main class")
                    || line.contains("Unable to access jarfile")) {
                b.append("\n  cause: a file is missing in the image: ").append(line.strip());
                break;
            }
        }
        b.append("\n  last log lines:\n    ")
                .append(String.join("\n    ", lines.subList(Math.max(0, lines.size() - 12), lines.size())));
        return b.toString();
    }

    /** The TCP ports the container listens on, read from its network namespace: a wrong port shows here. */
    private String listening() {
        try {
            long pid = hostPid();
            if (pid == 0) {
                return "";
            }
            List<Integer> ports = new ArrayList<>();
            for (String table : List.of("tcp", "tcp6")) {
                Path file = Path.of("/proc", Long.toString(pid), "net", table);
                if (Files.exists(file)) {
                    Files.readAllLines(file).stream()
                            .skip(1)
                            .map(l -> l.trim().split("\\s+"))
                            .filter(f -> f[3].equals("0A")) // LISTEN
                            .map(f -> Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16))
                            .filter(p -> !ports.contains(p))
                            .forEach(ports::add);
                }
            }
            return " (it listens on " + (ports.isEmpty() ? "no port" : ports) + ")";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static void sleep(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        Podman.run(List.of("rm", "--force", "--time", "0", id), Map.of(), 120, null);
        plan.emptyDirs().values().forEach(Pod::deleteQuietly);
    }

    static void deleteQuietly(String dir) {
        try (var walk = Files.walk(Path.of(dir))) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory: the system cleans it eventually
        }
    }
}
