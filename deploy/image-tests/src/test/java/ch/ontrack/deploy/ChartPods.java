package ch.ontrack.deploy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.node.ObjectNode;

/** The oc-platform chart rendered for the local environment with an external database, as the image tests run it. */
public final class ChartPods {

    /** Secret with the database credentials of a site (keys host, port, dbname, username, password). */
    public static String databaseSecret(String site) {
        return site + "-database";
    }

    /** Secret with the backends' own secrets, shared by both sites as External Secrets would provide it. */
    public static final String APP_SECRET = "oc-backend-secrets";

    private ChartPods() {}

    /** Every object one site renders, with the chart tests' Helm engine and values file. */
    public static List<ObjectNode> render(String site) {
        return RENDERED.computeIfAbsent(site, ChartPods::renderOnce).stream()
                .map(ObjectNode::deepCopy)
                .toList();
    }

    private static final Map<String, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

    private static List<ObjectNode> renderOnce(String site) {
        Environment env = Environment.LOCAL;
        Map<String, String> sets = Map.of(
                "backend.lookupExistingSecrets", "false",
                "backend.existingSecret", APP_SECRET,
                "backend.database.mode", "external",
                "backend.database.external.secretName", databaseSecret(site),
                "backend.database.external.egressCidrs[0]", "10.0.0.0/8");
        return Charts.render(Charts.PLATFORM, "oc-" + site, env.namespace(site), env.valuesFile(), sets).stream()
                .map(Manifest::body)
                .toList();
    }
}
