package ch.ontrack.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Faster warm starts: the backend jar is extracted once per build (Spring Boot's {@code
 * jarmode=tools}), the first run writes a class-data sharing archive, later runs map it.
 */
final class ClassDataSharing {

  private ClassDataSharing() {}

  /** The JVM options and the jar to run; the plain jar when anything goes wrong. */
  static List<String> jvmArguments(Path java, Path jar, Path dir) {
    try {
      Path extracted = extract(java, jar, dir);
      Path archive = dir.resolve("app.jsa");
      List<String> args = new ArrayList<>();
      if (Runtime.version().feature() >= 19) {
        args.add("-XX:+AutoCreateSharedArchive");
        args.add("-XX:SharedArchiveFile=" + archive);
      } else if (Files.exists(archive)) {
        args.add("-XX:SharedArchiveFile=" + archive);
      } else {
        // written when the backend stops cleanly, used from the next start on
        args.add("-XX:ArchiveClassesAtExit=" + archive);
      }
      args.add("-Xshare:auto");
      args.add("-Xlog:cds=off,cds+dynamic=off");
      args.add("-jar");
      args.add(extracted.toString());
      return args;
    } catch (IOException | RuntimeException e) {
      return List.of("-jar", jar.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of("-jar", jar.toString());
    }
  }

  private static Path extract(Path java, Path jar, Path dir) throws IOException, InterruptedException {
    String stamp = Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis();
    Path stampFile = dir.resolve("jar.stamp");
    Path app = dir.resolve("app");
    Path extracted = app.resolve(jar.getFileName());
    if (Files.exists(extracted) && Files.exists(stampFile) && Files.readString(stampFile).equals(stamp)) {
      return extracted;
    }
    deleteTree(dir); // a new build: its archive no longer matches either
    Files.createDirectories(dir);
    Process extract = new ProcessBuilder(java.toString(), "-Djarmode=tools", "-jar", jar.toString(),
            "extract", "--destination", app.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("extract.log").toFile()).start();
    if (!extract.waitFor(120, TimeUnit.SECONDS) || extract.exitValue() != 0 || !Files.exists(extracted)) {
      extract.destroyForcibly();
      throw new IOException("cannot extract " + jar);
    }
    Files.writeString(stampFile, stamp);
    return extracted;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
