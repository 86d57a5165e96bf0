package ch.ontrack.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/** What is running, for {@code status} and {@code down} from another terminal. */
final class StateFile {

  private StateFile() {}

  static Path path(Path dataDir) {
    return dataDir.resolve("state.properties");
  }

  static synchronized void write(LocalPlatform platform) {
    Properties p = new Properties();
    p.setProperty("launcher.pid", Long.toString(ProcessHandle.current().pid()));
    p.setProperty("started", Instant.now().toString());
    p.setProperty("url.provider", platform.providerUrl().toString());
    p.setProperty("url.client", platform.clientUrl().toString());
    p.setProperty("url.mail", platform.mailUrl().toString());
    platform.prometheusUrl().ifPresent(url -> p.setProperty("url.prometheus", url.toString()));
    platform.options().ports().forEach((key, port) -> p.setProperty("port." + key, Integer.toString(port)));
    platform.processes().forEach((name, pids) -> p.setProperty("pids." + name,
        pids.stream().map(String::valueOf).collect(Collectors.joining(","))));
    Path file = path(platform.options().dataDir());
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

  static void delete(Path dataDir) {
    try {
      Files.deleteIfExists(path(dataDir));
    } catch (IOException e) {
      // a stale file is recognised by its dead launcher pid
    }
  }
}
