package ch.ontrack.deploy.images;

import ch.ontrack.deploy.ChartPods;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The four images, built once per test run with podman from the unchanged Dockerfiles and the local bases. */
final class Images {

    static final List<String> APPS =
            List.of("provider-backend", "client-backend", "provider-frontend", "client-frontend");

    private static Map<String, String> bases;
    private static final Map<String, String> BUILT = new LinkedHashMap<>();

    private Images() {}

    static Path root() {
        return Path.of(System.getProperty("platform.root", "../.."))
                .toAbsolutePath()
                .normalize();
    }

    static boolean isBackend(String app) {
        return app.endsWith("-backend");
    }

    /** The image reference of an app as the chart renders it for the local environment, e.g. oc-client-backend:0.1.0. */
    static String reference(String app) {
        String site = app.substring(0, app.indexOf('-'));
        return ChartPods.render(site).stream()
                .filter(o -> o.path("kind").asString().equals("Deployment"))
                .filter(o -> o.path("metadata").path("name").asString().equals(app))
                .map(o -> o.path("spec")
                        .path("template")
                        .path("spec")
                        .path("containers")
                        .get(0)
                        .path("image")
                        .asString())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the chart renders no Deployment " + app));
    }

    /** Builds (once) and returns the image of an app. */
    static synchronized String image(String app) {
        return BUILT.computeIfAbsent(app, a -> {
            String ref = reference(a);
            buildOrFail(a, root(), ref);
            return ref;
        });
    }

    static void buildOrFail(String app, Path context, String tag) {
        Podman.Result r = build(app, context, tag, Map.of());
        if (r.exit() != 0) {
            throw new IllegalStateException("image " + app + " failed to build:\n" + r.lastLines(15));
        }
    }

    /** An image made from an app's image with a few more Containerfile lines (a planted defect). */
    static String variant(String app, String name, String... lines) {
        String tag = "oc-" + app + "-" + name + ":test";
        try {
            Path dir = Files.createTempDirectory("variant-");
            Files.writeString(
                    dir.resolve("Containerfile"), "FROM " + image(app) + "\n" + String.join("\n", lines) + "\n");
            Podman.check("build", "--no-cache", "--tag", tag, dir.toString());
            Pod.deleteQuietly(dir.toString());
            return tag;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** podman build of an app's Dockerfile with the given context (the repository root, or a planted defect). */
    static Podman.Result build(String app, Path context, String tag, Map<String, String> extraArgs) {
        String kind = isBackend(app) ? "backend" : "frontend";
        Path dockerfile = root().resolve("deploy/images/" + kind + ".Dockerfile");
        Map<String, String> args = new LinkedHashMap<>();
        args.put("APP", app);
        args.put(
                isBackend(app) ? "JRE_IMAGE" : "NGINX_IMAGE",
                bases().get(isBackend(app) ? "JRE_IMAGE" : "NGINX_IMAGE"));
        args.put("REVISION", Git.revision(root()));
        args.put("VERSION", Git.version(root()));
        args.put("SOURCE", Git.source(root()));
        args.putAll(extraArgs);
        List<String> command = new java.util.ArrayList<>(List.of(
                "build",
                "--no-cache",
                "--file",
                dockerfile.toString(),
                "--ignorefile",
                dockerfile + ".dockerignore",
                "--tag",
                tag));
        args.forEach((k, v) -> command.addAll(List.of("--build-arg", k + "=" + v)));
        command.add(context.toString());
        return Podman.run(command, Map.of(), 1800, context);
    }

    /** The local base images (deploy/images/local-base/build.sh), reused when their content key is unchanged. */
    static synchronized Map<String, String> bases() {
        if (bases == null) {
            Path script = root().resolve("deploy/images/local-base/build.sh");
            try {
                Path log = Files.createTempFile("local-base-", ".log");
                Process p = new ProcessBuilder(script.toString())
                        .redirectError(log.toFile())
                        .start();
                String out = new String(p.getInputStream().readAllBytes());
                if (p.waitFor() != 0) {
                    List<String> lines = Files.readAllLines(log);
                    throw new IllegalStateException(script + " failed:\n"
                            + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
                }
                Map<String, String> found = new LinkedHashMap<>();
                out.lines()
                        .filter(l -> l.contains("="))
                        .forEach(l -> found.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
                bases = Map.copyOf(found);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return bases;
    }
}
