package ch.ontrack.e2e.fuzz;

/**
 * Real identifiers for the fuzzed requests to use, so that they reach the handlers behind the
 * look-ups: a provider's client, document, file and share, and the share's token, code and the
 * client's id of the file.
 */
record Fixture(
        String clientId,
        String documentId,
        String fileId,
        String shareId,
        String token,
        String code,
        String clientFileId) {

    /** The real value for a path parameter, by the collection its segment follows. */
    String pathValue(Operation operation, String param) {
        String path = operation.path();
        int at = path.indexOf("{" + param + "}");
        String before = path.substring(0, at);
        String collection = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
        return switch (collection) {
            case "clients" -> clientId;
            case "documents" -> documentId;
            case "files" -> operation.api() == Operation.Api.CLIENT ? clientFileId : fileId;
            case "shares" -> operation.api() == Operation.Api.CLIENT ? token : shareId;
            default -> "unknown";
        };
    }
}
