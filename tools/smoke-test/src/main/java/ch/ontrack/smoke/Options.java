package ch.ontrack.smoke;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Command-line options, each also readable from an environment variable (the flag wins). */
record Options(
        URI providerUrl,
        URI clientUrl,
        Path caFile,
        String providerEmail,
        String providerPassword,
        Duration timeout,
        Duration readyWait,
        URI mailboxUrl) {

    static final String USAGE = """
      usage: java -jar smoke-test.jar --provider-url URL --client-url URL [options]
        --provider-url URL        provider site, e.g. https://provider.on-track.ch  (SMOKE_PROVIDER_URL)
        --client-url URL          client site, e.g. https://client.on-track.ch      (SMOKE_CLIENT_URL)
        --ca-file FILE            PEM certificate(s) trusted besides the system's    (SMOKE_CA_FILE)
        --provider-email EMAIL    existing smoke account, when sign-up is disabled   (SMOKE_PROVIDER_EMAIL)
        --provider-password PW    its password                                       (SMOKE_PROVIDER_PASSWORD)
        --mailbox-url URL         a mail catcher whose /api/messages lists the mails (SMOKE_MAILBOX_URL)
                                  sent: the throwaway account opens its verification
                                  link there (new accounts cannot send until verified)
        --timeout SECONDS         per request, default 30                            (SMOKE_TIMEOUT)
        --wait SECONDS            first wait up to this long for both /api/health    (SMOKE_WAIT)
                                  to answer (a fresh deployment), default 0
      exit status: 0 all checks passed, 1 a check failed, 2 bad usage""";

    private static final Map<String, String> FLAGS = Map.of(
            "--provider-url", "SMOKE_PROVIDER_URL",
            "--client-url", "SMOKE_CLIENT_URL",
            "--ca-file", "SMOKE_CA_FILE",
            "--provider-email", "SMOKE_PROVIDER_EMAIL",
            "--provider-password", "SMOKE_PROVIDER_PASSWORD",
            "--timeout", "SMOKE_TIMEOUT",
            "--wait", "SMOKE_WAIT",
            "--mailbox-url", "SMOKE_MAILBOX_URL");

    /** Thrown for anything the user must fix in the command line; the message says what. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static Options parse(String[] args, Map<String, String> env) throws UsageException {
        Map<String, String> values = new HashMap<>();
        FLAGS.forEach((flag, variable) -> {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                values.put(flag, value.strip());
            }
        });
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new UsageException("");
            }
            if (!FLAGS.containsKey(flag)) {
                throw new UsageException("unknown option " + arg);
            }
            if (arg.contains("=")) {
                values.put(flag, arg.substring(arg.indexOf('=') + 1));
            } else if (i + 1 < args.length) {
                values.put(flag, args[++i]);
            } else {
                throw new UsageException(flag + " needs a value");
            }
        }
        String email = values.get("--provider-email");
        String password = values.get("--provider-password");
        if ((email == null) != (password == null)) {
            throw new UsageException("--provider-email and --provider-password go together");
        }
        return new Options(
                url(values, "--provider-url"),
                url(values, "--client-url"),
                caFile(values.get("--ca-file")),
                email,
                password,
                seconds("--timeout", values.getOrDefault("--timeout", "30"), 1),
                seconds("--wait", values.getOrDefault("--wait", "0"), 0),
                values.containsKey("--mailbox-url") ? url(values, "--mailbox-url") : null);
    }

    private static URI url(Map<String, String> values, String flag) throws UsageException {
        String value = values.get(flag);
        if (value == null) {
            throw new UsageException(flag + " is required");
        }
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new UsageException(flag + " must be an https:// URL, got " + value);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UsageException(flag + " is not a URL: " + value);
        }
    }

    private static Path caFile(String value) throws UsageException {
        if (value == null) {
            return null;
        }
        Path path = Path.of(value);
        if (!Files.isReadable(path)) {
            throw new UsageException("--ca-file " + value + " is not a readable file");
        }
        return path;
    }

    private static Duration seconds(String flag, String value, long min) throws UsageException {
        try {
            long seconds = Long.parseLong(value);
            if (seconds < min) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new UsageException(
                    flag + " must be a number of seconds" + (min > 0 ? " above 0" : "") + ", got " + value);
        }
    }
}
