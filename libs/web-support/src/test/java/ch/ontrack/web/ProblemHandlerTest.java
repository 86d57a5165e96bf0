package ch.ontrack.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

class ProblemHandlerTest {

    record Greeting(@NotBlank String name) {}

    @RestController
    static class SampleController {
        @PostMapping("/greetings")
        Map<String, String> greet(@Valid @RequestBody Greeting greeting) {
            return Map.of("hello", greeting.name());
        }

        @GetMapping("/items/{id}")
        Map<String, Long> item(@PathVariable long id) {
            if (id == 7) {
                throw new ApiProblem(HttpStatus.CONFLICT, "item-busy", "Busy", "Item 7 is busy.", Map.of("retryIn", 3));
            }
            throw ApiProblem.notFound("Item " + id);
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("secret internals: SELECT * FROM users");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new SampleController())
            .setControllerAdvice(new ProblemHandler())
            .addFilters(new SecurityHeadersFilter())
            .build();

    @Test
    void apiProblemBecomesProblemJsonWithStableTypeAndExtraProperties() throws Exception {
        mvc.perform(get("/items/7"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://on-track.ch/problems/item-busy"))
                .andExpect(jsonPath("$.detail").value("Item 7 is busy."))
                .andExpect(jsonPath("$.retryIn").value(3));
    }

    @Test
    void unknownIdIsNotFoundProblem() throws Exception {
        mvc.perform(get("/items/3"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://on-track.ch/problems/not-found"));
    }

    @Test
    void malformedJsonIsBadRequestWithoutParserDetails() throws Exception {
        mvc.perform(post("/greetings").contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://on-track.ch/problems/bad-request"))
                .andExpect(jsonPath("$.detail").value("The request body is missing or is not valid JSON."));
    }

    @Test
    void missingFieldIsUnprocessableWithTheFieldNamed() throws Exception {
        mvc.perform(post("/greetings").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://on-track.ch/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void wrongMediaTypeIsUnsupportedMediaType() throws Exception {
        mvc.perform(post("/greetings").contentType(MediaType.TEXT_PLAIN).content("hi"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("https://on-track.ch/problems/unsupported-media-type"));
    }

    @Test
    void badPathVariableIsBadRequest() throws Exception {
        mvc.perform(get("/items/abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://on-track.ch/problems/invalid-parameter"));
    }

    @Test
    void unexpectedErrorRevealsNoInternals() throws Exception {
        mvc.perform(get("/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("https://on-track.ch/problems/internal"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("SELECT"))));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        var result = mvc.perform(get("/items/3")).andExpect(header().string("Cache-Control", "no-store"));
        for (var h : SecurityHeaders.COMMON.entrySet()) {
            result.andExpect(header().string(h.getKey(), h.getValue()));
        }
    }
}
