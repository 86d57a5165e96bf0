package ch.ontrack.launcher.topology;

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

  public static final List<String> BACKENDS = List.of(PROVIDER_BACKEND, CLIENT_BACKEND);
  public static final List<String> FRONTENDS = List.of(PROVIDER_FRONTEND, CLIENT_FRONTEND);

  public static final List<PortSpec> PORTS =
      List.of(
          new PortSpec(GATEWAY, "https", 8443),
          new PortSpec(GATEWAY, "http", 8080),
          new PortSpec(MAIL, "smtp", 2525),
          new PortSpec(PROVIDER_DB, "postgres", 15432),
          new PortSpec(CLIENT_DB, "postgres", 15433),
          new PortSpec(PROVIDER_BACKEND, "server", 8081),
          new PortSpec(PROVIDER_BACKEND, "management", 9081),
          new PortSpec(CLIENT_BACKEND, "server", 8082),
          new PortSpec(CLIENT_BACKEND, "internal", 8182),
          new PortSpec(CLIENT_BACKEND, "management", 9082));

  /** Never routed, whatever the host: the internal API and the management endpoints. */
  public static final List<String> BLOCKED_PATH_PREFIXES = List.of("/internal", "/actuator");

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

  public static Map<String, Set<String>> environmentVariableNames() {
    Map<String, Set<String>> names = new LinkedHashMap<>();
    BACKENDS.forEach(b -> names.put(b, Set.copyOf(ENVIRONMENT.get(b).keySet())));
    return Map.copyOf(names);
  }

  /** The complete environment of a backend process (before the options' extra variables). */
  public static Map<String, String> environment(String backend, Wiring wiring) {
    Map<String, String> env = new LinkedHashMap<>();
    ENVIRONMENT.get(backend).forEach((name, value) -> env.put(name, value.apply(wiring)));
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
    env.put("SIGNUP_ENABLED", w -> "true");
    // the mail catcher receives the verification links (docs/adr/0306)
    env.put("EMAIL_VERIFICATION_REQUIRED", w -> "true");
    uploads(env);
    env.put("SESSION_IDLE_TIMEOUT", w -> "30m");
    env.put("SESSION_ABSOLUTE_TIMEOUT", w -> "12h");
    env.put("LOGIN_RATE_LIMIT_PER_MINUTE", w -> "10");
    env.put("DELIVERY_RETRY_INTERVAL", w -> "5s");
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
    env.put("CLIENT_PUBLIC_URL", w -> w.publicUrl("client"));
    env.put("INTERNAL_API_SECRET", w -> w.secrets().internalApiSecret());
    uploads(env);
    env.put("SHARE_SESSION_TIMEOUT", w -> "30m");
    env.put("UNLOCK_MAX_ATTEMPTS", w -> "5");
    env.put("UNLOCK_RATE_LIMIT_PER_MINUTE", w -> "20");
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

  private static void uploads(Map<String, Function<Wiring, String>> env) {
    env.put("UPLOAD_MAX_FILE_SIZE", w -> "25MB");
    env.put("UPLOAD_MAX_DOCUMENT_SIZE", w -> "100MB");
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
