package ch.ontrack.deploy;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Evaluates the x-kubernetes-validations rules of a custom resource's CRD schema on a rendered object, as the API
 * server does on create: schema defaults applied first, every rule evaluated with {@code self} bound to the value at
 * its schema node, property names escaped as Kubernetes escapes them, transition rules (those using {@code oldSelf})
 * skipped because there is no old object on create.
 *
 * <p>The environment is CEL's standard library plus the libraries the Kubernetes API server adds that the upstream
 * CRDs actually use: cel-go's extended strings library (split, substring, lowerAscii, upperAscii, ...) and the
 * Kubernetes IP library's {@code isIP}. A rule that calls any other function does not compile, and that stops the
 * test with the rule named: the evaluator must then learn that function, never skip the rule. Sources:
 * kubernetes/website content/en/docs/reference/using-api/cel.md (libraries, type mapping, escaping).
 */
final class CelRules {

    private static final Cel CEL = CelFactory.standardCelBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN)
            .addCompilerLibraries(CelExtensions.strings())
            .addRuntimeLibraries(CelExtensions.strings())
            .addFunctionDeclarations(CelFunctionDecl.newFunctionDeclaration(
                    "isIP", CelOverloadDecl.newGlobalOverload("isIP_string", SimpleType.BOOL, SimpleType.STRING)))
            .addFunctionBindings(CelFunctionBinding.from("isIP_string", String.class, KubernetesIp::isIp))
            .build();

    private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();

    /** CEL's reserved words and keywords, escaped as __{word}__ when they are property names. */
    private static final Set<String> RESERVED = Set.of(
            "true",
            "false",
            "null",
            "in",
            "as",
            "break",
            "const",
            "continue",
            "else",
            "for",
            "function",
            "if",
            "import",
            "let",
            "loop",
            "package",
            "namespace",
            "return",
            "var",
            "void",
            "while");

    private static final Pattern ACCESSIBLE = Pattern.compile("[a-zA-Z_.\\-/][a-zA-Z0-9_.\\-/]*");

    private CelRules() {}

    /** One message per failed rule; an object whose kind no CRD serves has none here (the schema check reports it). */
    static List<String> violations(Manifest manifest) {
        JsonNode schema = CrdSchemas.rawSchema(manifest.apiVersion(), manifest.kind());
        if (schema == null) {
            return List.of();
        }
        ObjectNode body = manifest.body().deepCopy();
        applyDefaults(schema, body);
        List<String> violations = new ArrayList<>();
        walk(schema, body, "", violations);
        return violations;
    }

    /** The rules of one schema node and below, on a value (for tests of the evaluator itself). */
    static List<String> check(JsonNode schema, JsonNode value) {
        List<String> violations = new ArrayList<>();
        walk(schema, value, "", violations);
        return violations;
    }

    private static void walk(JsonNode schema, JsonNode value, String path, List<String> violations) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return;
        }
        for (JsonNode validation : schema.path("x-kubernetes-validations")) {
            String rule = validation.path("rule").asString();
            if (rule.contains("oldSelf")) {
                continue;
            }
            String failure = evaluate(rule, value);
            if (failure != null) {
                String message = validation.path("message").asString(failure);
                violations.add((path.isEmpty() ? "<root>" : path) + ": " + message + " (rule: " + rule.strip() + ")");
            }
        }
        if (value instanceof ObjectNode object) {
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            for (var field : object.properties()) {
                JsonNode child = properties.path(field.getKey());
                if (!child.isMissingNode()) {
                    walk(child, field.getValue(), path + "." + field.getKey(), violations);
                } else if (additional.isObject()) {
                    walk(additional, field.getValue(), path + "." + field.getKey(), violations);
                }
            }
        } else if (value instanceof ArrayNode array) {
            JsonNode items = schema.path("items");
            for (int i = 0; i < array.size(); i++) {
                walk(items, array.get(i), path + "[" + i + "]", violations);
            }
        }
    }

    /** Null when the rule holds, else why not. */
    private static String evaluate(String rule, JsonNode self) {
        try {
            Object result = program(rule).eval(Map.of("self", toCel(self)));
            return Boolean.TRUE.equals(result) ? null : "rule evaluated to " + result;
        } catch (CelEvaluationException e) {
            return "rule failed: " + e.getMessage();
        }
    }

    private static CelRuntime.Program program(String rule) {
        return PROGRAMS.computeIfAbsent(rule, r -> {
            CelValidationResult compiled = CEL.compile(r);
            if (compiled.hasError()) {
                throw new IllegalStateException("The CEL evaluator cannot compile a CRD rule (an unknown function is a "
                        + "Kubernetes CEL library the evaluator lacks: add it to CelRules): "
                        + compiled.getErrorString()
                        + "\nrule: " + r);
            }
            try {
                CelAbstractSyntaxTree ast = compiled.getAst();
                return CEL.createProgram(ast);
            } catch (CelValidationException | CelEvaluationException e) {
                throw new IllegalStateException("CEL rule " + r + ": " + e.getMessage(), e);
            }
        });
    }

    /** JSON as the API server hands it to CEL: integers as int, numbers as double, escaped property names. */
    static Object toCel(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (var field : node.properties()) {
                if (ACCESSIBLE.matcher(field.getKey()).matches()) {
                    map.put(escape(field.getKey()), toCel(field.getValue()));
                }
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(toCel(item)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isNull()) {
            return dev.cel.common.values.NullValue.NULL_VALUE;
        }
        return node.asString();
    }

    static String escape(String name) {
        if (RESERVED.contains(name)) {
            return "__" + name + "__";
        }
        return name.replace("__", "__underscores__")
                .replace(".", "__dot__")
                .replace("-", "__dash__")
                .replace("/", "__slash__");
    }

    /** Schema defaults, filled in where a value is absent, as the API server does before validating. */
    static void applyDefaults(JsonNode schema, JsonNode value) {
        if (value instanceof ObjectNode object) {
            for (var property : schema.path("properties").properties()) {
                JsonNode def = property.getValue().get("default");
                if (!object.has(property.getKey()) && def != null) {
                    object.set(property.getKey(), def.deepCopy());
                }
                if (object.has(property.getKey())) {
                    applyDefaults(property.getValue(), object.get(property.getKey()));
                }
            }
            if (schema.path("additionalProperties").isObject()) {
                for (var field : object.properties()) {
                    if (!schema.path("properties").has(field.getKey())) {
                        applyDefaults(schema.path("additionalProperties"), field.getValue());
                    }
                }
            }
        } else if (value instanceof ArrayNode array) {
            array.forEach(item -> applyDefaults(schema.path("items"), item));
        }
    }
}
