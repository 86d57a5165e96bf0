package ch.ontrack.deploy;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The PromQL the production environment's charts render (with the chart tests' Helm rendering): every alert's and
 * recording rule's expression of the PrometheusRules, and every "expr" of the dashboards in ConfigMaps labelled
 * grafana_dashboard. For the end-to-end metric existence test.
 */
public final class RenderedMonitoring {

    /** One PromQL expression and where it was found. */
    public record Query(String source, String expr) {}

    private RenderedMonitoring() {}

    public static List<Query> ruleExpressions() {
        List<Query> queries = new ArrayList<>();
        for (Manifest rule : Charts.environment(Environment.PRODUCTION)) {
            if (rule.is("PrometheusRule")) {
                for (JsonNode group : rule.spec().path("groups")) {
                    for (JsonNode r : group.path("rules")) {
                        String name = r.has("alert")
                                ? "alert " + r.path("alert").asString()
                                : "record " + r.path("record").asString();
                        queries.add(new Query(
                                rule.namespace() + "/" + rule.name() + " " + name,
                                r.path("expr").asString()));
                    }
                }
            }
        }
        return queries;
    }

    public static List<Query> dashboardExpressions() {
        List<Query> queries = new ArrayList<>();
        for (Manifest map : Charts.environment(Environment.PRODUCTION)) {
            if (map.is("ConfigMap")
                    && map.body().path("metadata").path("labels").has("grafana_dashboard")) {
                for (var entry : map.body().path("data").properties()) {
                    collect(
                            Charts.YAML.readTree(entry.getValue().asString()),
                            map.namespace() + "/" + map.name() + " " + entry.getKey(),
                            queries);
                }
            }
        }
        return queries;
    }

    /** Every "expr" string anywhere in a dashboard (panels, rows, nested panels). */
    private static void collect(JsonNode node, String source, List<Query> queries) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                if (field.getKey().equals("expr") && field.getValue().isString()) {
                    queries.add(new Query(source, field.getValue().asString()));
                } else {
                    collect(field.getValue(), source, queries);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, source, queries));
        }
    }
}
