package ch.ontrack.e2e.fuzz;

import java.net.http.HttpResponse;
import java.util.Optional;

/** What every answer to a fuzzed request must be: no 5xx, and errors of the public APIs as problem+json. */
final class Answers {

    private Answers() {}

    static Optional<String> problemWith(FuzzRequest request, HttpResponse<String> response) {
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            return Optional.of(describe(request, response, contentType));
        }
        boolean publicApi = request.operation().api() != Operation.Api.INTERNAL;
        if (status >= 400 && publicApi && !contentType.startsWith("application/problem+json")) {
            return Optional.of("not problem+json: " + describe(request, response, contentType));
        }
        return Optional.empty();
    }

    private static String describe(FuzzRequest request, HttpResponse<String> response, String contentType) {
        return request + " answered " + response.statusCode() + " " + contentType + ": "
                + Texts.visible(Texts.shorten(response.body(), 300));
    }
}
