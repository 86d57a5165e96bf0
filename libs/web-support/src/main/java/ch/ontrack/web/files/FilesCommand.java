package ch.ontrack.web.files;

import java.io.PrintStream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar <backend>.jar files rewrap|encrypt|migrate [--NAME=value ...]}: the backend's configuration (the
 * environment, overridden by any {@code --NAME=value}) without its web server, one run, then exit 0 (all done), 1 (files left or an error, one sentence each) or 2 (a wrong argument). Safe to run
 * next to the serving backend and to run again after an interruption.
 */
public final class FilesCommand {

    private FilesCommand() {}

    public static boolean requested(String[] args) {
        return args.length > 0 && args[0].equals("files");
    }

    /** Runs the command and returns the exit status; {@code main} passes it to {@code System.exit}. */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        String[] settings = java.util.Arrays.copyOfRange(args, Math.min(2, args.length), args.length);
        if (args.length < 2
                || !java.util.List.of("rewrap", "encrypt", "migrate").contains(args[1])
                || !java.util.Arrays.stream(settings).allMatch(a -> a.startsWith("--") && a.contains("="))) {
            err.println("Usage: files rewrap | files encrypt | files migrate (docs/architecture.md \"File storage\").");
            return 2;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .lazyInitialization(true)
                .logStartupInfo(false)
                .properties("spring.main.banner-mode=off", "spring.flyway.enabled=false")
                .run(settings)) {
            return run(context.getBean(FileMaintenance.class), args[1], out, err);
        } catch (RuntimeException e) {
            err.println(sentence(e));
            return 1;
        }
    }

    static int run(FileMaintenance files, String command, PrintStream out, PrintStream err) {
        java.util.function.BooleanSupplier keepGoing =
                () -> !Thread.currentThread().isInterrupted();
        FileMaintenance.Outcome outcome = switch (command) {
            case "rewrap" -> files.rewrap();
            case "encrypt" -> files.encrypt(keepGoing);
            default -> files.migrate(keepGoing);
        };
        outcome.problems().forEach(err::println);
        String did = switch (command) {
            case "rewrap" -> "Re-wrapped ";
            case "encrypt" -> "Encrypted ";
            default -> "Moved ";
        };
        out.println(did + outcome.done() + " files; " + outcome.left() + " left.");
        return outcome.left() == 0 && outcome.problems().isEmpty() ? 0 : 1;
    }

    /** The innermost message: what went wrong, without the layers of start-up around it. */
    static String sentence(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return "files: " + message.lines().findFirst().orElse(message);
    }
}
