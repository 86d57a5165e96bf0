package ch.ontrack.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Which endpoint can open a connection to which port, computed from NetworkPolicies with the
 * Kubernetes semantics: a pod selected by no policy of a direction is open in that direction; else a
 * connection needs an egress rule of the source and an ingress rule of the destination that allow it.
 * ipBlock peers match only endpoints outside the cluster.
 */
final class NetworkModel {

    /** A pod (namespace set) or an address outside the cluster (ip set). */
    record Endpoint(String name, String namespace, Map<String, String> labels, String ip, Set<String> ports) {
        static Endpoint pod(String name, String namespace, Map<String, String> labels, String... ports) {
            return new Endpoint(name, namespace, labels, null, Set.of(ports));
        }

        static Endpoint external(String name, String ip, String... ports) {
            return new Endpoint(name, null, Map.of(), ip, Set.of(ports));
        }
    }

    /** "from -> to:port/protocol". */
    record Flow(String from, String to, String port) implements Comparable<Flow> {
        @Override
        public String toString() {
            return from + " -> " + to + ":" + port;
        }

        @Override
        public int compareTo(Flow other) {
            return toString().compareTo(other.toString());
        }
    }

    private final List<Manifest> policies;
    private final Map<String, Map<String, String>> namespaceLabels = new LinkedHashMap<>();

    NetworkModel(List<Manifest> manifests, Map<String, Map<String, String>> namespaceLabels) {
        this.policies = manifests.stream().filter(m -> m.is("NetworkPolicy")).toList();
        namespaceLabels.forEach((name, labels) -> {
            Map<String, String> all = new LinkedHashMap<>(labels);
            all.put("kubernetes.io/metadata.name", name); // set by the API server on every namespace
            this.namespaceLabels.put(name, all);
        });
    }

    /** Every allowed flow between the endpoints, on the ports each destination listens on. */
    Set<Flow> flows(List<Endpoint> endpoints) {
        Set<Flow> flows = new TreeSet<>();
        for (Endpoint from : endpoints) {
            for (Endpoint to : endpoints) {
                for (String port : to.ports()) {
                    if (from != to && from.namespace() != null && allowed(from, to, port)) {
                        flows.add(new Flow(from.name(), to.name(), port));
                    }
                }
            }
        }
        return flows;
    }

    boolean allowed(Endpoint from, Endpoint to, String port) {
        return permits(from, "Egress", "egress", "to", to, port)
                && (to.namespace() == null || permits(to, "Ingress", "ingress", "from", from, port));
    }

    /** Whether the policies selecting {@code pod} in one direction let {@code peer} through on {@code port}. */
    private boolean permits(
            Endpoint pod, String type, String rulesField, String peersField, Endpoint peer, String port) {
        List<Manifest> selecting = new ArrayList<>();
        for (Manifest policy : policies) {
            if (policy.namespace().equals(pod.namespace())
                    && selects(policy.spec().path("podSelector"), pod.labels())
                    && policy.spec()
                            .path("policyTypes")
                            .valueStream()
                            .anyMatch(t -> t.asString().equals(type))) {
                selecting.add(policy);
            }
        }
        if (selecting.isEmpty()) {
            return true;
        }
        for (Manifest policy : selecting) {
            for (JsonNode rule : policy.spec().path(rulesField)) {
                if (portMatches(rule.path("ports"), port)
                        && peerMatches(rule.path(peersField), policy.namespace(), peer)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean peerMatches(JsonNode peers, String policyNamespace, Endpoint peer) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode p : peers) {
            if (p.has("ipBlock")) {
                if (peer.ip() != null
                        && Cidr.contains(p.path("ipBlock").path("cidr").asString(), peer.ip())
                        && p.path("ipBlock")
                                .path("except")
                                .valueStream()
                                .noneMatch(e -> Cidr.contains(e.asString(), peer.ip()))) {
                    return true;
                }
                continue;
            }
            if (peer.namespace() == null) {
                continue;
            }
            boolean namespaceOk = p.has("namespaceSelector")
                    ? selects(p.path("namespaceSelector"), namespaceLabels.getOrDefault(peer.namespace(), Map.of()))
                    : peer.namespace().equals(policyNamespace);
            boolean podOk = !p.has("podSelector") || selects(p.path("podSelector"), peer.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portMatches(JsonNode ports, String port) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        return ports.valueStream()
                .anyMatch(p ->
                        (p.path("port").asString() + "/" + p.path("protocol").asString("TCP")).equals(port));
    }

    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector.has("matchExpressions")) {
            throw new IllegalArgumentException("matchExpressions are not modelled: " + selector);
        }
        return selector.path("matchLabels").properties().stream()
                .allMatch(e -> e.getValue().asString().equals(labels.get(e.getKey())));
    }

    /** IPv4 CIDR containment. */
    static final class Cidr {
        private Cidr() {}

        static boolean contains(String cidr, String ip) {
            String[] parts = cidr.split("/");
            int bits = Integer.parseInt(parts[1]);
            long mask = bits == 0 ? 0 : 0xFFFFFFFFL << (32 - bits) & 0xFFFFFFFFL;
            return (toLong(parts[0]) & mask) == (toLong(ip) & mask);
        }

        private static long toLong(String ip) {
            long value = 0;
            for (String octet : ip.split("\\.")) {
                value = value << 8 | Integer.parseInt(octet);
            }
            return value;
        }
    }
}
