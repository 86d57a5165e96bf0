package ch.ontrack.launcher;

import ch.ontrack.launcher.cli.Commands;
import ch.ontrack.launcher.component.LaunchException;
import ch.ontrack.launcher.component.Progress;
import ch.ontrack.launcher.demo.DemoData;
import ch.ontrack.launcher.processes.Prometheus;
import ch.ontrack.launcher.processes.S3Server;
import ch.ontrack.launcher.topology.FileStore;
import ch.ontrack.launcher.topology.LaunchOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code ./platform up|status|down|restart|reset}: see docs/local-development.md. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("platform.root", "."))
                .toAbsolutePath()
                .normalize();
        List<String> arguments = List.of(args);
        String command = arguments.isEmpty() ? "help" : arguments.get(0);
        try {
            LaunchOptions options = LaunchOptions.defaults(root, System.getenv());
            switch (command) {
                case "up" -> up(options.withUpArguments(arguments));
                case "status" -> System.exit(Commands.status(options) ? 0 : 3);
                case "down" -> Commands.down(options);
                case "restart" -> {
                    if (arguments.size() != 2) {
                        System.err.println(
                                "Usage: ./platform restart <component>; components: " + Components.START_ORDER);
                        System.exit(2);
                    }
                    System.exit(Commands.restart(options, arguments.get(1)) ? 0 : 1);
                }
                case "reset" -> Commands.reset(options, arguments.contains("--yes"));
                default -> {
                    System.err.println(
                            "Usage: ./platform up [--no-demo-data] [--fast-db] [--monitoring] [--file-store postgres|s3] | status | down | restart <component> | logs [component] | reset");
                    System.exit(2);
                }
            }
        } catch (LaunchException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        } catch (IOException | RuntimeException e) {
            System.err.println("Unexpected error: " + e);
            System.exit(1);
        }
    }

    private static void up(LaunchOptions options) throws IOException {
        Commands.refuseIfRunning(options);
        FileStore.remembered(options.dataDir())
                .filter(before -> before != options.fileStore())
                .ifPresent(before -> System.out.println("The backends now keep new files in "
                        + options.fileStore().value() + "; the files stored" + " so far stay in " + before.value()
                        + " (./platform reset starts afresh)."));
        long t0 = System.nanoTime();
        LocalPlatform platform = LocalPlatform.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("Stopping…");
                            platform.close();
                            System.out.println("Stopped.");
                            stopped.countDown();
                        },
                        "platform-shutdown"));
        printSummary(platform, Progress.seconds(t0));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void printSummary(LocalPlatform platform, String seconds) {
        Path root = platform.options().repoRoot();
        System.out.println();
        System.out.println("All ready in " + seconds + " s.");
        System.out.println("  provider  " + platform.providerUrl());
        System.out.println("  client    " + platform.clientUrl());
        System.out.println("  mail      " + platform.mailUrl());
        System.out.println("  (http://…:" + platform.options().httpPort() + " redirects to https)");
        platform.prometheusUrl()
                .ifPresent(url -> System.out.println("  prometheus " + url + "  (scrapes both backends; data in "
                        + relative(root, Prometheus.home(platform.options())) + ")"));
        System.out.println("  files     "
                + (platform.options().fileStore() == FileStore.S3
                        ? "in the local S3 server " + S3Server.url(platform.options()) + " (objects in "
                                + relative(root, S3Server.data(platform.options())) + "/)"
                        : "in the databases (./platform up --file-store s3 uses a local S3 server)"));
        DemoData.account(platform.options().dataDir())
                .ifPresent(a -> System.out.println("  demo account: " + a.email() + " / " + a.password()));
        System.out.println("Browsers accept these sites once they trust the local CA "
                + relative(root, platform.caCertificate()) + " (docs/local-development.md explains how).");
        System.out.println(
                "Logs: " + relative(root, platform.options().dataDir().resolve("logs"))
                        + "/. A backend that crashes is restarted; ./platform restart <component> restarts one by hand."
                        + " Ctrl-C stops everything.");
        if (!platform.options().durableDatabases()) {
            System.out.println(
                    "The databases run without fsync (--fast-db): a machine crash may lose the last commits.");
        }
    }

    static String relative(Path root, Path path) {
        return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
    }
}
