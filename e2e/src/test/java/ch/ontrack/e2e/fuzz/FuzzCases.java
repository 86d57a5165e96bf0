package ch.ontrack.e2e.fuzz;

import ch.ontrack.e2e.fuzz.JsonText.Raw;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.instancio.Instancio;
import org.instancio.Random;
import org.instancio.Select;
import org.instancio.generator.Generator;
import tools.jackson.databind.JsonNode;

/**
 * Generates requests for one operation from Instancio's seeded random source: path segments, query
 * values and bodies that are valid, slightly wrong or hostile. The same seed gives the same requests.
 */
final class FuzzCases {

    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "application/json; charset=utf-16",
            "application/json; charset=ebcdic",
            "multipart/form-data",
            "*/*",
            "application/octet-stream",
            "application/merge-patch+json");

    private final Operation operation;
    private final Fixture fixture;

    private FuzzCases(Operation operation, Fixture fixture) {
        this.operation = operation;
        this.fixture = fixture;
    }

    /** {@code tries} requests for the operation, generated from {@code seed}. */
    static Stream<FuzzRequest> generate(Operation operation, Fixture fixture, long seed, int tries) {
        FuzzCases cases = new FuzzCases(operation, fixture);
        Generator<FuzzRequest> generator = cases::next;
        return Instancio.of(FuzzRequest.class).withSeed(seed).supply(Select.root(), generator).stream()
                .limit(tries);
    }

    FuzzRequest next(Random random) {
        List<String> what = new ArrayList<>();
        String target = path(random, what) + query(random, what);
        Map<String, String> headers = new LinkedHashMap<>();
        if (operation.isJson()) {
            return json(random, target, what, headers);
        }
        if (operation.isMultipart()) {
            return multipart(random, target, what, headers);
        }
        if (operation.hasBody()) {
            headers.put("X-File-Name", Texts.percentEncode(OddText.next(random)));
            what.add("raw bytes, odd file name");
            return request(
                    what,
                    target,
                    random.oneOf("application/pdf", "text/html", "application/octet-stream"),
                    random.trueOrFalse(0.2)
                            ? oversized(random, PDF, new byte[0])
                            : GeneratedBody.of(PDF, random.trueOrFalse()),
                    headers);
        }
        if (!operation.method().equals("GET") && random.trueOrFalse(0.3)) {
            what.add("unexpected body");
            return request(
                    what,
                    target,
                    "application/json",
                    GeneratedBody.of(OddText.next(random), random.trueOrFalse()),
                    headers);
        }
        return request(what, target, null, null, headers);
    }

    private String path(Random random, List<String> what) {
        String path = operation.path();
        for (String param : operation.pathParams()) {
            // deleting the fixture would stop the later requests from reaching the handlers
            boolean real = !operation.method().equals("DELETE") && random.trueOrFalse(0.6);
            String value;
            if (real) {
                value = fixture.pathValue(operation, param);
            } else {
                // long enough to pass a naive length check, short of the request line limit
                String odd = random.trueOrFalse(0.1) ? "x".repeat(random.intRange(300, 2_000)) : OddText.next(random);
                value = Texts.percentEncode(odd.length() > 600 ? odd.substring(0, 600) : odd);
                what.add(param + " odd");
            }
            path = path.replace("{" + param + "}", value.isEmpty() ? "%20" : value);
        }
        return path;
    }

    private String query(Random random, List<String> what) {
        List<String> pairs = new ArrayList<>();
        for (String param : operation.queryParams()) {
            if (random.trueOrFalse(0.7)) {
                String value = random.oneOf(
                        "20", "1", "0", "-1", "101", "99999999999999999999", "1.5", "true", OddText.next(random));
                pairs.add(param + "=" + Texts.percentEncode(value.length() > 600 ? value.substring(0, 600) : value));
            }
        }
        if (random.trueOrFalse(0.25)) {
            pairs.add(Texts.percentEncode(short600(OddText.next(random))) + "="
                    + Texts.percentEncode(short600(OddText.next(random))));
            what.add("extra query");
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String short600(String s) {
        return s.length() > 600 ? s.substring(0, 600) : s;
    }

    private FuzzRequest json(Random random, String target, List<String> what, Map<String, String> headers) {
        Object valid = valid(operation.bodySchema(), "", random);
        Map<String, Object> object =
                valid instanceof Map<?, ?> m ? new LinkedHashMap<>(castMap(m)) : new LinkedHashMap<>();
        List<String> fields = new ArrayList<>(object.keySet());
        String field = fields.isEmpty() ? "field" : random.oneOf(fields);
        boolean chunked = random.trueOrFalse(0.3);
        String contentType = "application/json";
        String kind = random.oneOf(
                "valid",
                "missing",
                "null",
                "wrong-type",
                "odd-string",
                "odd-string",
                "huge-string",
                "extra-field",
                "not-json",
                "deep",
                "content-type",
                "empty",
                "array",
                "oversized");
        what.add(kind
                + (List.of("missing", "null", "wrong-type", "odd-string", "huge-string")
                                .contains(kind)
                        ? " " + field
                        : ""));
        Object body = object;
        switch (kind) {
            case "missing" -> object.remove(field);
            case "null" -> object.put(field, null);
            case "wrong-type" ->
                object.put(
                        field,
                        random.oneOf(
                                123,
                                -1.5e300,
                                true,
                                List.of("a", 1),
                                Map.of("a", 1),
                                new Raw("1e999999"),
                                new Raw("123456789012345678901234567890"),
                                new Raw("-0.0")));
            case "odd-string" -> object.put(field, OddText.next(random));
            case "huge-string" -> object.put(field, OddText.huge(random));
            case "extra-field" -> object.put(OddText.next(random), random.oneOf(OddText.next(random), 1, List.of()));
            case "deep" -> {
                int depth = random.intRange(1_000, 60_000);
                body = new Raw("[".repeat(depth) + "]".repeat(depth));
            }
            case "array" -> body = List.of(object, object);
            case "content-type" -> contentType = random.oneOf(CONTENT_TYPES);
            default -> {}
        }
        if (kind.equals("not-json")) {
            return request(
                    what,
                    target,
                    contentType,
                    GeneratedBody.of(
                            random.oneOf(
                                    "{",
                                    "{\"title\":",
                                    "\u0000",
                                    "<a/>",
                                    "'x'",
                                    "{\"a\":1}{\"b\":2}",
                                    "{\"a\":1,\"a\":2}",
                                    OddText.next(random)),
                            chunked),
                    headers);
        }
        if (kind.equals("empty")) {
            return request(what, target, contentType, GeneratedBody.of(new byte[0], chunked), headers);
        }
        if (kind.equals("oversized")) {
            byte[] head = ("{\"" + field + "\":\"").getBytes(StandardCharsets.UTF_8);
            return request(
                    what,
                    target,
                    contentType,
                    oversized(random, head, "\"}".getBytes(StandardCharsets.UTF_8)),
                    headers);
        }
        return request(what, target, contentType, GeneratedBody.of(JsonText.write(body), chunked), headers);
    }

    private FuzzRequest multipart(Random random, String target, List<String> what, Map<String, String> headers) {
        String boundary = "----fuzz" + random.alphanumeric(16);
        String name = "file";
        String disposition = "filename=\"accounts.pdf\"";
        byte[] content = PDF;
        String end = "\r\n--" + boundary + "--\r\n";
        String contentType = "multipart/form-data; boundary=" + boundary;
        String kind = random.oneOf(
                "valid",
                "truncated",
                "no-boundary",
                "filename-nul",
                "filename-crlf",
                "filename-star",
                "odd-filename",
                "huge-filename",
                "wrong-field",
                "empty-file",
                "not-multipart",
                "oversized",
                "boundary-mismatch",
                "many-parts");
        what.add("multipart " + kind);
        switch (kind) {
            case "truncated" -> end = random.oneOf("", "\r\n--" + boundary, "\r\n--");
            case "no-boundary" -> contentType = "multipart/form-data";
            case "filename-nul" -> disposition = "filename*=UTF-8''a%00b.pdf";
            case "filename-crlf" -> disposition = "filename*=UTF-8''a%0D%0AX-Evil: 1.pdf";
            case "filename-star" ->
                disposition = "filename*="
                        + random.oneOf(
                                "UTF-8''",
                                "utf-8'en'%",
                                "x'y'z",
                                "''",
                                "UTF-8''" + Texts.percentEncode(OddText.next(random)));
            case "odd-filename" ->
                disposition = "filename=\"" + OddText.next(random).replace("\"", "") + "\"";
            case "huge-filename" ->
                disposition = "filename=\"" + "a".repeat(random.intRange(1_000, 200_000)) + ".pdf\"";
            case "wrong-field" -> name = OddText.next(random).replace("\"", "");
            case "empty-file" -> content = new byte[0];
            case "not-multipart" -> {
                return request(
                        what,
                        target,
                        random.oneOf(CONTENT_TYPES),
                        GeneratedBody.of(PDF, random.trueOrFalse()),
                        headers);
            }
            case "boundary-mismatch" -> contentType = "multipart/form-data; boundary=other";
            default -> {}
        }
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; " + disposition
                + "\r\nContent-Type: application/pdf\r\n\r\n";
        if (kind.equals("many-parts")) {
            head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nx\r\n")
                            .repeat(random.intRange(100, 5_000))
                    + head;
        }
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] tail = end.getBytes(StandardCharsets.US_ASCII);
        if (kind.equals("oversized")) {
            byte[] withMagic = new byte[headBytes.length + PDF.length];
            System.arraycopy(headBytes, 0, withMagic, 0, headBytes.length);
            System.arraycopy(PDF, 0, withMagic, headBytes.length, PDF.length);
            return request(what, target, contentType, oversized(random, withMagic, tail), headers);
        }
        byte[] bytes = new byte[headBytes.length + content.length + tail.length];
        System.arraycopy(headBytes, 0, bytes, 0, headBytes.length);
        System.arraycopy(content, 0, bytes, headBytes.length, content.length);
        System.arraycopy(tail, 0, bytes, headBytes.length + content.length, tail.length);
        return request(what, target, contentType, GeneratedBody.of(bytes, random.trueOrFalse(0.3)), headers);
    }

    /** A body of 2 to 16 MB generated while sending, chunked or with its length. */
    private static GeneratedBody oversized(Random random, byte[] head, byte[] tail) {
        long size = random.longRange(2L << 20, 16L << 20);
        return new GeneratedBody(head, size, (byte) 'a', tail, random.trueOrFalse());
    }

    /** A value the schema accepts, with the fixture's ids where a field names one. */
    private Object valid(JsonNode schema, String name, Random random) {
        if (schema == null) {
            return Map.of();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asString();
        }
        String type = schema.path("type").asString("object");
        String format = schema.path("format").asString("");
        return switch (type) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                schema.path("properties")
                        .properties()
                        .forEach(p -> object.put(p.getKey(), valid(p.getValue(), p.getKey(), random)));
                yield object;
            }
            case "array" -> List.of(valid(schema.get("items"), name, random));
            case "integer", "number" -> 1;
            case "boolean" -> true;
            default -> string(name, format, random);
        };
    }

    private String string(String name, String format, Random random) {
        if (format.equals("date-time") || name.endsWith("At")) {
            return Instant.now()
                    .plus(random.intRange(1, 30), ChronoUnit.DAYS)
                    .truncatedTo(ChronoUnit.SECONDS)
                    .toString();
        }
        if (format.equals("email") || name.toLowerCase(java.util.Locale.ROOT).contains("email")) {
            return "fuzz-" + random.alphanumeric(10).toLowerCase(java.util.Locale.ROOT) + "@example.com";
        }
        return switch (name) {
            case "clientId" -> fixture.clientId();
            case "fileIds" -> fixture.fileId();
            case "code", "accessCode" -> fixture.code();
            case "password" -> "a long enough passphrase " + random.alphanumeric(6);
            default -> "Fuzz " + random.alphanumeric(8);
        };
    }

    private FuzzRequest request(
            List<String> what, String target, String contentType, GeneratedBody body, Map<String, String> headers) {
        return new FuzzRequest(
                operation,
                what.isEmpty() ? "valid" : String.join(", ", what),
                operation.method(),
                target,
                contentType,
                body,
                Map.copyOf(headers));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
