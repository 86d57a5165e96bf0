package ch.ontrack.deploy.images;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.smoke.SmokeTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The four images run as the chart renders them, the gateway in front: the deployment smoke test passes. */
class ContainerFlowIT {

    static ContainerPlatform platform;

    @BeforeAll
    static void start() {
        platform = SharedContainers.get();
    }

    /** What the chart's securityContext asks for, read from each container's first process by the kernel. */
    @Test
    void everyContainerRunsWithTheChartsSecurityContext() throws IOException {
        for (Pod pod : platform.pods()) {
            Map<String, String> status = status(pod.hostPid());
            String name = pod.plan().name() + " " + pod.plan().image();
            String uid = pod.plan().runAsUser() + "", gid = pod.plan().runAsGroup() + "";
            assertThat(status.get("Uid").split("\\s+")).as(name).containsOnly(uid);
            assertThat(status.get("Gid").split("\\s+")).as(name).containsOnly(gid);
            assertThat(status.get("Groups").split("\\s+")).as(name + " fsGroup").contains(gid);
            assertThat(status.get("CapEff")).as(name).isEqualTo("0000000000000000");
            assertThat(status.get("CapBnd")).as(name).isEqualTo("0000000000000000");
            assertThat(status.get("NoNewPrivs")).as(name).isEqualTo("1");
            assertThat(status.get("Seccomp")).as(name + " seccomp filter mode").isEqualTo("2");
            List<String> mounts = Files.readAllLines(Path.of("/proc", pod.hostPid() + "", "mountinfo"));
            assertThat(mountOptions(mounts, "/")).as(name + " root filesystem").startsWith("ro,");
            assertThat(mountOptions(mounts, "/tmp")).as(name + " /tmp").startsWith("rw,");
            assertThat(Podman.check("inspect", "--format", "{{.HostConfig.Memory}}", pod.id))
                    .isEqualTo(Long.toString(Quantities.bytes(memoryLimit(pod))));
        }
    }

    /** The server is the container's first process, and no shell runs beside it. */
    @Test
    void noShellRunsInAnyContainer() {
        for (Pod pod : platform.pods()) {
            List<String> commands = Podman.check("top", pod.id, "comm")
                    .lines()
                    .skip(1)
                    .map(String::strip)
                    .toList();
            assertThat(commands)
                    .as(pod.plan().image())
                    .isNotEmpty()
                    .noneMatch(c -> List.of("sh", "bash", "dash").contains(c));
            assertThat(commands.get(0))
                    .as(pod.plan().image() + " first process")
                    .isIn("java", "nginx");
        }
    }

    @Test
    void smokeTestPassesAgainstTheContainers() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = SmokeTest.run(
                new String[] {
                    "--provider-url",
                    platform.siteUrl("provider").toString(),
                    "--client-url",
                    platform.siteUrl("client").toString(),
                    "--ca-file",
                    platform.caCertificate().toString(),
                    "--wait",
                    "60"
                },
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.print(text);

        assertThat(text)
                .doesNotContain("FAIL", "skip")
                .contains(
                        "ok   client frontend loads",
                        "ok   share unlocked on the client site with the access code",
                        "ok   downloaded file has the uploaded bytes",
                        "smoke test passed");
        assertThat(exit).isZero();
    }

    /** For docs/performance.md (scripts/bench-images.sh): size, start to ready and memory of each container. */
    @Test
    void recordsSizeStartAndMemory() throws IOException {
        StringBuilder table = new StringBuilder("app\timage MB\tstart to ready s\tmemory MiB\n");
        for (String app : Images.APPS) {
            Pod pod = platform.pod(app);
            long size = Plans.JSON
                    .readTree(Podman.check("image", "inspect", pod.plan().image()))
                    .get(0)
                    .path("Size")
                    .asLong();
            long rss = 0;
            for (String pid : Podman.check("top", pod.id, "hpid")
                    .lines()
                    .skip(1)
                    .map(String::strip)
                    .toList()) {
                rss += Files.readAllLines(Path.of("/proc", pid, "status")).stream()
                        .filter(l -> l.startsWith("VmRSS:"))
                        .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                        .sum();
            }
            table.append(app)
                    .append('\t')
                    .append(size / 1_000_000)
                    .append('\t')
                    .append(platform.readyAfter.get(app).toMillis() / 100 / 10.0)
                    .append('\t')
                    .append(rss / 1024)
                    .append('\n');
        }
        Files.writeString(Path.of("target/image-bench.tsv"), table);
        System.out.print(table);
        assertThat(platform.readyAfter).containsOnlyKeys(Images.APPS);
    }

    private String memoryLimit(Pod pod) {
        return pod.plan().runArgs().stream()
                .filter(a -> a.startsWith("--memory="))
                .findFirst()
                .orElseThrow()
                .substring("--memory=".length());
    }

    private static Map<String, String> status(long pid) throws IOException {
        Map<String, String> status = new java.util.HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            int colon = line.indexOf(':');
            status.put(line.substring(0, colon), line.substring(colon + 1).strip());
        }
        return status;
    }

    /** The per-mount options of a mount point, from mountinfo lines "id parent dev root point options ...". */
    private static String mountOptions(List<String> mountinfo, String point) {
        return mountinfo.stream()
                .map(l -> l.split(" "))
                .filter(f -> f[4].equals(point))
                .reduce((a, b) -> b)
                .map(f -> f[5])
                .orElseThrow(() -> new AssertionError("no mount at " + point));
    }
}
