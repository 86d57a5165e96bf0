package ch.ontrack.e2e.fuzz;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client backend's internal API, which its OpenAPI document leaves out on purpose: the table
 * of apps/client-backend/README.md, written down here as operations.
 */
final class InternalOperations {

  private static final JsonMapper JSON = new JsonMapper();
  private static final List<String> SHARE = List.of("shareId");

  private InternalOperations() {}

  static List<Operation> all() {
    JsonNode share = JSON.readTree("""
        {"type":"object","properties":{
          "tokenHash":{"type":"string"},"providerName":{"type":"string"},"title":{"type":"string"},
          "message":{"type":"string"},"recipientEmail":{"type":"string","format":"email"},
          "expiresAt":{"type":"string","format":"date-time"},
          "fileIds":{"type":"array","items":{"type":"string","format":"uuid"}}}}""");
    JsonNode expiry = JSON.readTree("""
        {"type":"object","properties":{"expiresAt":{"type":"string","format":"date-time"}}}""");
    String base = "/internal/shares/{shareId}";
    return List.of(
        op("PUT", base + "/files/{fileId}", List.of("shareId", "fileId"), "application/octet-stream", null),
        op("PUT", base, SHARE, "application/json", share),
        op("POST", base + "/revoke", SHARE, null, null),
        op("POST", base + "/access-code", SHARE, null, null),
        op("PUT", base + "/expiry", SHARE, "application/json", expiry),
        op("GET", base + "/events", SHARE, null, null),
        op("DELETE", base, SHARE, null, null));
  }

  private static Operation op(String method, String path, List<String> params, String bodyType, JsonNode schema) {
    return new Operation(Operation.Api.INTERNAL, method, path, params, List.of(), bodyType, schema);
  }
}
