package ch.ontrack.launcher;

import ch.ontrack.launcher.component.Component;
import ch.ontrack.launcher.gateway.Gateway;
import ch.ontrack.launcher.mail.MailCatcher;
import ch.ontrack.launcher.mail.MailPage;
import ch.ontrack.launcher.pki.LocalCa;
import ch.ontrack.launcher.processes.AotCache;
import ch.ontrack.launcher.processes.BackendJava;
import ch.ontrack.launcher.processes.BackendProcess;
import ch.ontrack.launcher.processes.ClassDataSharing;
import ch.ontrack.launcher.processes.Database;
import ch.ontrack.launcher.processes.Prometheus;
import ch.ontrack.launcher.processes.S3Server;
import ch.ontrack.launcher.topology.FileStore;
import ch.ontrack.launcher.topology.LaunchOptions;
import ch.ontrack.launcher.topology.LocalTopology;
import ch.ontrack.launcher.topology.Preflight;
import ch.ontrack.launcher.topology.Secrets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the platform's components from the options and the topology. */
final class Components {

    /**
     * Started in this order, each as soon as what it depends on is ready; the S3 server only with --file-store s3,
     * Prometheus only with --monitoring.
     */
    static final List<String> START_ORDER = List.of(
            LocalTopology.MAIL,
            LocalTopology.GATEWAY,
            LocalTopology.PROVIDER_DB,
            LocalTopology.CLIENT_DB,
            S3Server.NAME,
            LocalTopology.PROVIDER_BACKEND,
            LocalTopology.CLIENT_BACKEND,
            Prometheus.NAME);

    /** What must be ready first, of what runs. */
    static final Map<String, List<String>> DEPENDS_ON = Map.of(
            LocalTopology.PROVIDER_BACKEND, List.of(LocalTopology.PROVIDER_DB, S3Server.NAME),
            LocalTopology.CLIENT_BACKEND, List.of(LocalTopology.CLIENT_DB, S3Server.NAME));

    /** Fast start-up beats peak throughput for a developer's machine. */
    static final List<String> JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx768m", "-XX:+ExitOnOutOfMemoryError");

    private Components() {}

    static Map<String, Component> create(LaunchOptions options, Secrets secrets, LocalCa ca) {
        Path logs = options.dataDir().resolve("logs");
        BackendJava java = BackendJava.forThisMachine();
        Map<String, Component> components = new LinkedHashMap<>();
        MailCatcher mail = new MailCatcher(options.port(LocalTopology.MAIL, "smtp"));
        components.put(LocalTopology.MAIL, mail);
        components.put(LocalTopology.GATEWAY, new Gateway(options, ca, new MailPage(mail)));
        components.put(
                LocalTopology.PROVIDER_DB, database(options, secrets, LocalTopology.PROVIDER_DB, "provider", logs));
        components.put(LocalTopology.CLIENT_DB, database(options, secrets, LocalTopology.CLIENT_DB, "client", logs));
        if (options.fileStore() == FileStore.S3) {
            components.put(S3Server.NAME, new S3Server(options, secrets));
        }
        LocalTopology.Wiring wiring = new LocalTopology.Wiring(options, secrets);
        for (String backend : LocalTopology.BACKENDS) {
            Map<String, String> env = new LinkedHashMap<>(baseEnvironment());
            env.putAll(LocalTopology.environment(backend, wiring));
            env.putAll(options.extraEnv().getOrDefault(backend, Map.of()));
            Path workDir = options.dataDir().resolve("run").resolve(backend);
            components.put(
                    backend,
                    new BackendProcess(
                            backend,
                            () -> command(options, backend, java, env, workDir),
                            env,
                            workDir,
                            logs.resolve(backend + ".log"),
                            options.port(backend, "management"),
                            options.echoLogs() ? System.out : null));
        }
        if (options.monitoring()) {
            Prometheus.binary(System.getenv("PATH"))
                    .ifPresent(binary -> components.put(Prometheus.NAME, new Prometheus(options, binary)));
        }
        return components;
    }

    private static Database database(LaunchOptions options, Secrets secrets, String name, String db, Path logs) {
        return new Database(
                name,
                db,
                options.port(name, "postgres"),
                secrets.databasePassword(name),
                secrets.databaseAdminPassword(name),
                options.durableDatabases(),
                options.dataDir().resolve("postgres").resolve(name),
                logs.resolve(name + ".log"));
    }

    /**
     * The backend's JVM and its options: with an AOT cache (trained on the first start, in a JVM with the same
     * options and environment) on JDK 25+, with class-data sharing otherwise.
     */
    static List<String> command(
            LaunchOptions options, String backend, BackendJava java, Map<String, String> env, Path workDir) {
        List<String> jvmOptions = new ArrayList<>(JVM_OPTIONS);
        jvmOptions.addAll(options.jvmOptions().getOrDefault(backend, List.of()));
        List<String> command = new ArrayList<>();
        command.add(java.java().toString());
        command.addAll(jvmOptions);
        Path jar = Preflight.jar(options, backend);
        if (java.hasAotCache()) {
            command.addAll(AotCache.jvmArguments(
                    java,
                    jar,
                    options.dataDir().resolve("aot").resolve(backend),
                    new AotCache.Training(jvmOptions, env, workDir)));
        } else {
            command.addAll(ClassDataSharing.jvmArguments(
                    java.java(),
                    java.feature(),
                    jar,
                    options.dataDir().resolve("cds").resolve(backend)));
        }
        return command;
    }

    /** The little a JVM needs from the outside; never SPRING_* or other inherited settings. */
    private static Map<String, String> baseEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", System.getProperty("user.home"));
        env.put("LANG", "C.UTF-8");
        env.put("TZ", "UTC");
        return env;
    }
}
