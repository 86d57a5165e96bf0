package ch.ontrack.launcher.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training run writes the cache under a pending name and keeps it only when a JVM maps it; a cache that breaks
 * later costs its speed, never the start. Needs a JDK 25 or newer (skipped without one).
 */
class AotCacheTest {

    @TempDir
    Path dir;

    private BackendJava java;
    private AotCache.Training training;

    @BeforeEach
    void jdk25() {
        java = BackendJava.find(System.getenv(), Path.of("/usr/lib/jvm"), Path.of(System.getProperty("java.home")));
        assumeTrue(java.hasAotCache(), "no JDK 25 or newer on this machine");
        training = new AotCache.Training(List.of("-XX:+UseSerialGC"), Map.of(), dir.resolve("run"));
    }

    @Test
    void aSuccessfulTrainingRunLeavesAVerifiedCacheAndNoPendingFile() throws Exception {
        Path jar = app("Hello", "System.out.println(\"hello\");");
        Path cache = AotCache.cacheFile(dir, AotCache.sha256(jar, dir), java);

        assertThat(AotCache.train(java, jar, cache, training)).isTrue();

        assertThat(cache).exists();
        assertThat(pendingFiles()).isEmpty();
        assertThat(run("-XX:AOTCache=" + cache, "-XX:AOTMode=on", "-jar", jar.toString()))
                .isEqualTo(0);
    }

    @Test
    void aFailedTrainingRunLeavesNoCache() throws Exception {
        Path jar = app("Fails", "System.exit(3);");
        Path cache = AotCache.cacheFile(dir, AotCache.sha256(jar, dir), java);

        assertThat(AotCache.train(java, jar, cache, training)).isFalse();

        assertThat(cache).doesNotExist();
        assertThat(pendingFiles()).isEmpty();
        assertThat(AotCache.failedMarker(cache)).exists();
    }

    @Test
    void aFailedTrainingRunIsNotRepeatedForTheSameJarAndJdk() throws Exception {
        Path jar = app("Fails", "System.exit(3);");
        Path cache = AotCache.cacheFile(dir, AotCache.sha256(jar, dir), java);
        assertThat(AotCache.train(java, jar, cache, training)).isFalse();
        Files.delete(dir.resolve("training.log"));

        List<String> option = AotCache.cacheOption(java, jar, jar, dir, training);

        assertThat(option).isEmpty();
        assertThat(dir.resolve("training.log")).as("no second training run").doesNotExist();
    }

    @Test
    void aCacheTrainedOnceIsUsedFromThenOn() throws Exception {
        Path jar = app("Hello", "System.out.println(\"hello\");");

        List<String> first = AotCache.cacheOption(java, jar, jar, dir, training);
        Files.delete(dir.resolve("training.log"));
        List<String> second = AotCache.cacheOption(java, jar, jar, dir, training);

        assertThat(first).singleElement().asString().startsWith("-XX:AOTCache=" + dir);
        assertThat(second).isEqualTo(first);
        assertThat(dir.resolve("training.log")).as("no second training run").doesNotExist();
    }

    @Test
    void aBrokenCacheIsReportedAndTheJvmStartsWithoutIt() throws Exception {
        Path jar = app("Hello", "System.out.println(\"hello\");");
        Path cache = AotCache.cacheFile(dir, AotCache.sha256(jar, dir), java);
        assertThat(AotCache.train(java, jar, cache, training)).isTrue();
        byte[] whole = Files.readAllBytes(cache);
        Files.write(cache, Arrays.copyOf(whole, whole.length / 3));

        Path output = dir.resolve("broken.out");
        assertThat(run(output, "-XX:AOTCache=" + cache, "-jar", jar.toString())).isEqualTo(0);

        assertThat(Files.readString(output)).contains("[aot]").contains("hello");
    }

    @Test
    void aNewJarOrAnotherJdkGetsACacheOfItsOwn() throws Exception {
        Path first = app("Hello", "System.out.println(\"hello\");");
        String firstSha = AotCache.sha256(first, dir);
        Path other = app("Hello", "System.out.println(\"hello, again\");");
        String otherSha = AotCache.sha256(other, Files.createDirectory(dir.resolve("rebuilt")));
        BackendJava newer = new BackendJava(java.home(), 26, "26.0.1+3");

        assertThat(AotCache.cacheFile(dir, firstSha, java))
                .isNotEqualTo(AotCache.cacheFile(dir, otherSha, java))
                .isNotEqualTo(AotCache.cacheFile(dir, firstSha, newer));
        assertThat(AotCache.cacheFile(dir, firstSha, newer).getFileName().toString())
                .isEqualTo(firstSha.substring(0, 16) + "-26.0.1_3.aot");
    }

    @Test
    void trainingForANewJarRemovesTheCachesOfOlderOnes() throws Exception {
        Path stale = Files.writeString(dir.resolve("0123456789abcdef-25.0.1_8-LTS.aot"), "old");
        Path jar = app("Hello", "System.out.println(\"hello\");");

        assertThat(AotCache.train(java, jar, AotCache.cacheFile(dir, AotCache.sha256(jar, dir), java), training))
                .isTrue();

        assertThat(stale).doesNotExist();
    }

    private List<Path> pendingFiles() throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(AotCache.PENDING_SUFFIX))
                    .toList();
        }
    }

    private int run(String... args) throws Exception {
        return run(dir.resolve("run.out"), args);
    }

    private int run(Path output, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java.java().toString(), "-XX:+UseSerialGC"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    /** A one-class application jar with {@code body} as its main method, compiled for Java 17. */
    private Path app(String name, String body) throws Exception {
        Path src = Files.createTempDirectory(dir, "src");
        Files.writeString(
                src.resolve(name + ".java"),
                "public class " + name + " { public static void main(String[] a) { " + body + " } }");
        int compiled = ToolProvider.getSystemJavaCompiler()
                .run(
                        null,
                        null,
                        null,
                        "--release",
                        "17",
                        "-d",
                        src.toString(),
                        src.resolve(name + ".java").toString());
        assertThat(compiled).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, name);
        Path jar = src.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry(name + ".class"));
            out.write(Files.readAllBytes(src.resolve(name + ".class")));
            out.closeEntry();
        }
        return jar;
    }
}
