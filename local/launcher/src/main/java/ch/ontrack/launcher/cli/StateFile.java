package ch.ontrack.launcher.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/** What is running, for {@code status} and {@code down} from another terminal. */
public final class StateFile {

    private StateFile() {}

    static Path path(Path dataDir) {
        return dataDir.resolve("state.properties");
    }

    /**
     * What the running platform tells other terminals.
     *
     * @param ports every port by {@code component.name}
     * @param pids every operating-system process, by component
     */
    public record Running(
            URI provider,
            URI client,
            URI mail,
            Optional<URI> prometheus,
            Map<String, Integer> ports,
            Map<String, List<Long>> pids) {}

    public static synchronized void write(Path dataDir, Running running) {
        Properties p = new Properties();
        p.setProperty("launcher.pid", Long.toString(ProcessHandle.current().pid()));
        p.setProperty("started", Instant.now().toString());
        p.setProperty("url.provider", running.provider().toString());
        p.setProperty("url.client", running.client().toString());
        p.setProperty("url.mail", running.mail().toString());
        running.prometheus().ifPresent(url -> p.setProperty("url.prometheus", url.toString()));
        running.ports().forEach((key, port) -> p.setProperty("port." + key, Integer.toString(port)));
        running.pids()
                .forEach((name, pids) -> p.setProperty(
                        "pids." + name, pids.stream().map(String::valueOf).collect(Collectors.joining(","))));
        Path file = path(dataDir);
        try (Writer out = Files.newBufferedWriter(file)) {
            p.store(out, "The running local platform");
        } catch (IOException e) {
            // status and down from another terminal will not see it; the platform itself runs
        }
    }

    static Optional<Properties> read(Path dataDir) {
        Path file = path(dataDir);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
            return Optional.of(p);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static List<Long> pids(Properties state) {
        List<Long> pids = new ArrayList<>();
        state.stringPropertyNames().stream().filter(k -> k.startsWith("pids.")).forEach(k -> {
            for (String pid : state.getProperty(k).split(",")) {
                if (!pid.isBlank()) {
                    pids.add(Long.parseLong(pid.trim()));
                }
            }
        });
        return pids;
    }

    public static void delete(Path dataDir) {
        try {
            Files.deleteIfExists(path(dataDir));
        } catch (IOException e) {
            // a stale file is recognised by its dead launcher pid
        }
    }
}
