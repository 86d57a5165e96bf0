package ch.ontrack.launcher.topology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What runs locally and how it is wired: the gateway's routes and each backend's environment. The
 * launcher configures the gateway and the backends from here only, so the Kubernetes parity tests
 * can compare this class with the Helm charts.
 */
public final class LocalTopology {

    public static final String PROVIDER_DB = "provider-db";
    public static final String CLIENT_DB = "client-db";
    public static final String MAIL = "mail";
    public static final String PROVIDER_BACKEND = "provider-backend";
    public static final String CLIENT_BACKEND = "client-backend";
    public static final String PROVIDER_FRONTEND = "provider-frontend";
    public static final String CLIENT_FRONTEND = "client-frontend";
    public static final String GATEWAY = "gateway";
    /** The local S3 server, with {@code --file-store s3} only. */
    public static final String OBJECT_STORE = "object-store";

    public static final List<String> BACKENDS = List.of(PROVIDER_BACKEND, CLIENT_BACKEND);
    public static final List<String> FRONTENDS = List.of(PROVIDER_FRONTEND, CLIENT_FRONTEND);

    public static final List<PortSpec> PORTS = List.of(
            new PortSpec(GATEWAY, "https", 8443),
            new PortSpec(GATEWAY, "http", 8080),
            new PortSpec(MAIL, "smtp", 2525),
            new PortSpec(PROVIDER_DB, "postgres", 15432),
            new PortSpec(CLIENT_DB, "postgres", 15433),
            new PortSpec(PROVIDER_BACKEND, "server", 8081),
            new PortSpec(PROVIDER_BACKEND, "management", 9081),
            new PortSpec(CLIENT_BACKEND, "server", 8082),
            new PortSpec(CLIENT_BACKEND, "internal", 8182),
            new PortSpec(CLIENT_BACKEND, "management", 9082),
            new PortSpec(OBJECT_STORE, "s3", 19000));

    /** The region the local S3 server's requests are signed for: production's (deploy/environments). */
    public static final String S3_REGION = "eu-central-2";

    /** Never routed, whatever the host: the internal API and the management endpoints. */
    public static final List<String> BLOCKED_PATH_PREFIXES = List.of("/internal", "/actuator");

    /**
     * Each backend's settings with fixed values (no port, URL or secret): the same as the chart's
     * {@code settings.<site>} and as the defaults in the backend's application.yml (the parity tests).
     */
    private static final Map<String, Map<String, String>> SETTINGS = Map.of(
            PROVIDER_BACKEND,
                    ordered(
                            "SIGNUP_ENABLED", "true",
                            // the mail catcher receives the verification links (docs/adr/0306)
                            "EMAIL_VERIFICATION_REQUIRED", "true",
                            "UPLOAD_MAX_FILE_SIZE", "25MB",
                            "UPLOAD_MAX_DOCUMENT_SIZE", "100MB",
                            "SESSION_IDLE_TIMEOUT", "30m",
                            "SESSION_ABSOLUTE_TIMEOUT", "12h",
                            "LOGIN_RATE_LIMIT_PER_MINUTE", "10",
                            "DELIVERY_RETRY_INTERVAL", "5s"),
            CLIENT_BACKEND,
                    ordered(
                            "UPLOAD_MAX_FILE_SIZE", "25MB",
                            "UPLOAD_MAX_DOCUMENT_SIZE", "100MB",
                            "SHARE_SESSION_TIMEOUT", "30m",
                            "UNLOCK_MAX_ATTEMPTS", "5",
                            "UNLOCK_RATE_LIMIT_PER_MINUTE", "20"));

    private static final Map<String, Map<String, Function<Wiring, String>>> ENVIRONMENT =
            Map.of(PROVIDER_BACKEND, providerBackend(), CLIENT_BACKEND, clientBackend());

    private LocalTopology() {}

    public static List<Route> routes() {
        return List.of(
                new Route("provider", "/api", PROVIDER_BACKEND),
                new Route("provider", "/", PROVIDER_FRONTEND),
                new Route("client", "/api", CLIENT_BACKEND),
                new Route("client", "/", CLIENT_FRONTEND));
    }

    public static Map<String, Set<String>> environmentVariableNames(FileStore store) {
        Map<String, Set<String>> names = new LinkedHashMap<>();
        for (String backend : BACKENDS) {
            Set<String> all = new LinkedHashSet<>(ENVIRONMENT.get(backend).keySet());
            all.addAll(fileStore(backend, store).keySet());
            names.put(backend, Set.copyOf(all));
        }
        return Map.copyOf(names);
    }

    /** The settings of a backend with fixed values, by variable name. */
    public static Map<String, String> settings(String backend) {
        return SETTINGS.get(backend);
    }

    private static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** The complete environment of a backend process (before the options' extra variables). */
    public static Map<String, String> environment(String backend, Wiring wiring) {
        Map<String, String> env = new LinkedHashMap<>();
        ENVIRONMENT.get(backend).forEach((name, value) -> env.put(name, value.apply(wiring)));
        fileStore(backend, wiring.options().fileStore()).forEach((name, value) -> env.put(name, value.apply(wiring)));
        return env;
    }

    /** The bucket of a backend's site in the local S3 server, named as in production ("oc-<env>-<site>-files"). */
    public static String bucket(String backend) {
        return "oc-local-" + backend.substring(0, backend.indexOf('-')) + "-files";
    }

    /** FILE_STORE, the keys, and with S3 the local S3 server's address, bucket and credentials. */
    private static Map<String, Function<Wiring, String>> fileStore(String backend, FileStore store) {
        Map<String, Function<Wiring, String>> env = new LinkedHashMap<>();
        env.put("FILE_STORE", w -> store.value());
        env.put("FILE_ENCRYPTION_KEYS", w -> w.secrets().fileEncryptionKeys());
        if (store == FileStore.S3) {
            env.put("S3_ENDPOINT", w -> "http://127.0.0.1:" + w.port(OBJECT_STORE, "s3"));
            env.put("S3_REGION", w -> S3_REGION);
            env.put("S3_BUCKET", w -> bucket(backend));
            env.put("S3_PATH_STYLE", w -> "true");
            env.put("S3_ACCESS_KEY_ID", w -> w.secrets().objectStoreAccessKey());
            env.put("S3_SECRET_ACCESS_KEY", w -> w.secrets().objectStoreSecretKey());
        }
        return env;
    }

    private static Map<String, Function<Wiring, String>> providerBackend() {
        Map<String, Function<Wiring, String>> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", w -> w.port(PROVIDER_BACKEND, "server"));
        env.put("TRUSTED_PROXIES", w -> "127.0.0.1");
        env.put("MANAGEMENT_PORT", w -> w.port(PROVIDER_BACKEND, "management"));
        database(env, PROVIDER_DB, "provider");
        env.put("PROVIDER_PUBLIC_URL", w -> w.publicUrl("provider"));
        env.put("CLIENT_PUBLIC_URL", w -> w.publicUrl("client"));
        env.put("CLIENT_INTERNAL_URL", w -> "http://127.0.0.1:" + w.port(CLIENT_BACKEND, "internal"));
        env.put("INTERNAL_API_SECRET", w -> w.secrets().internalApiSecret());
        env.put("ACCESS_CODE_ENCRYPTION_KEY", w -> w.secrets().accessCodeEncryptionKey());
        env.put("SMTP_HOST", w -> "127.0.0.1");
        env.put("SMTP_PORT", w -> w.port(MAIL, "smtp"));
        env.put("SMTP_USERNAME", w -> "");
        env.put("SMTP_PASSWORD", w -> "");
        env.put("SMTP_STARTTLS", w -> "false");
        env.put("MAIL_FROM", w -> "no-reply@on-track.ch");
        SETTINGS.get(PROVIDER_BACKEND).forEach((name, value) -> env.put(name, w -> value));
        tracing(env);
        return env;
    }

    private static Map<String, Function<Wiring, String>> clientBackend() {
        Map<String, Function<Wiring, String>> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", w -> w.port(CLIENT_BACKEND, "server"));
        env.put("TRUSTED_PROXIES", w -> "127.0.0.1");
        env.put("MANAGEMENT_PORT", w -> w.port(CLIENT_BACKEND, "management"));
        env.put("INTERNAL_PORT", w -> w.port(CLIENT_BACKEND, "internal"));
        database(env, CLIENT_DB, "client");
        env.put("INTERNAL_API_SECRET", w -> w.secrets().internalApiSecret());
        SETTINGS.get(CLIENT_BACKEND).forEach((name, value) -> env.put(name, w -> value));
        tracing(env);
        return env;
    }

    private static void database(Map<String, Function<Wiring, String>> env, String db, String name) {
        env.put("DB_HOST", w -> "127.0.0.1");
        env.put("DB_PORT", w -> w.port(db, "postgres"));
        env.put("DB_NAME", w -> name);
        env.put("DB_USERNAME", w -> name);
        env.put("DB_PASSWORD", w -> w.secrets().databasePassword(db));
    }

    /** No collector by default: traces stay in the process (see {@link LaunchOptions#TRACING_VARIABLES}). */
    private static void tracing(Map<String, Function<Wiring, String>> env) {
        env.put("OTEL_EXPORTER_OTLP_ENDPOINT", w -> "");
        env.put("TRACING_SAMPLING_PROBABILITY", w -> "1.0");
    }

    /** What the environment is computed from. */
    public record Wiring(LaunchOptions options, Secrets secrets) {
        String port(String component, String name) {
            return Integer.toString(options.port(component, name));
        }

        String publicUrl(String site) {
            return options.siteUrl(site).toString();
        }
    }

    public static Set<String> sites() {
        Set<String> sites = new LinkedHashSet<>();
        routes().forEach(r -> sites.add(r.site()));
        return sites;
    }
}
