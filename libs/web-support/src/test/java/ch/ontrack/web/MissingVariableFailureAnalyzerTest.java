package ch.ontrack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.StandardEnvironment;

class MissingVariableFailureAnalyzerTest {

    private final MissingVariableFailureAnalyzer analyzer = new MissingVariableFailureAnalyzer();

    @Test
    void namesTheMissingVariableInOneSentence() {
        Throwable failure = new IllegalStateException(
                "binding failed",
                catchThrowable(() -> new StandardEnvironment().resolveRequiredPlaceholders("${OC_TEST_UNSET_SECRET}")));

        FailureAnalysis analysis = analyzer.analyze(failure);

        assertThat(analysis.getDescription())
                .isEqualTo("The environment variable OC_TEST_UNSET_SECRET is not set, and it has no default.");
        assertThat(analysis.getAction()).contains("OC_TEST_UNSET_SECRET");
    }

    @Test
    void aFallbackWithoutDefaultNamesTheInnerVariable() {
        Throwable failure = catchThrowable(() -> new StandardEnvironment()
                .resolveRequiredPlaceholders("${OC_TEST_UNSET_KEY:${OC_TEST_UNSET_FALLBACK}}"));

        assertThat(analyzer.analyze(failure).getDescription()).contains("OC_TEST_UNSET_FALLBACK");
    }

    @Test
    void otherFailuresAreLeftToTheOtherAnalyzers() {
        assertThat(analyzer.analyze(new IllegalStateException("no placeholder here")))
                .isNull();
    }
}
