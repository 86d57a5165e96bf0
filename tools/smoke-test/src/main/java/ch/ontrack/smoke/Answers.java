package ch.ontrack.smoke;

import ch.ontrack.apiclient.ApiProblemException;
import ch.ontrack.apiclient.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/** Judging what the API answered: the expected status, the values. */
final class Answers {

    /** A step's failure, in words. */
    static final class Failure extends RuntimeException {
        Failure(String reason) {
            super(reason);
        }
    }

    private Answers() {}

    static ApiResponse expect(ApiResponse r, int status, String what) {
        if (r.status() != status) {
            throw new Failure(what + " answered " + r.summary() + "; expected " + status);
        }
        return r;
    }

    /** A call of the provider API that must succeed; a refusal becomes this step's failure. */
    static JsonNode expectOk(String what, Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (ApiProblemException e) {
            throw new Failure(what + " answered " + e.response().summary());
        }
    }

    /** Every string anywhere in a JSON value. */
    static List<String> strings(JsonNode json) {
        List<String> out = new ArrayList<>();
        if (json.isString()) {
            out.add(json.asString());
        } else {
            json.forEach(v -> out.addAll(strings(v)));
        }
        return out;
    }
}
