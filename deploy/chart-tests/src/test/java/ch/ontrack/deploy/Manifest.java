package ch.ontrack.deploy;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One rendered object. */
record Manifest(String source, ObjectNode body) {

    String apiVersion() {
        return body.path("apiVersion").asString("");
    }

    String kind() {
        return body.path("kind").asString("");
    }

    String name() {
        return body.path("metadata").path("name").asString("");
    }

    String namespace() {
        return body.path("metadata").path("namespace").asString("");
    }

    boolean is(String kind) {
        return kind().equals(kind);
    }

    JsonNode spec() {
        return body.path("spec");
    }

    /** The pod template of a workload. */
    JsonNode podSpec() {
        return spec().path("template").path("spec");
    }

    JsonNode podLabels() {
        return spec().path("template").path("metadata").path("labels");
    }

    /** The containers of a workload's pod template, init containers included. */
    List<JsonNode> containers() {
        List<JsonNode> all = new ArrayList<>();
        podSpec().path("initContainers").forEach(all::add);
        podSpec().path("containers").forEach(all::add);
        return all;
    }

    @Override
    public String toString() {
        return kind() + " " + namespace() + "/" + name() + " (" + source + ")";
    }
}
