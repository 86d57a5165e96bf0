package ch.ontrack.e2e.fuzz;

import ch.ontrack.e2e.SharedPlatform;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client backend's internal API, read from its checked-in description docs/api/client-internal.json (the
 * client backend serves it only on its internal port; its ApiDocumentTest keeps the file true).
 */
final class InternalOperations {

    private static final JsonMapper JSON = new JsonMapper();

    private InternalOperations() {}

    static List<Operation> all() {
        return OpenApiOperations.of(
                Operation.Api.INTERNAL,
                JSON.readTree(SharedPlatform.repoRoot()
                        .resolve("docs/api/client-internal.json")
                        .toFile()));
    }
}
