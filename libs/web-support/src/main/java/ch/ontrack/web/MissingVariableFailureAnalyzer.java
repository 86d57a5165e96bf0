package ch.ontrack.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.util.PlaceholderResolutionException;

/**
 * A start-up that stops on a variable without value (a secret has no default in application.yml, see
 * {@link UnsetVariableCheck}) says so in one sentence naming the variable, instead of a trace. Ahead of Spring
 * Boot's own analyzers, which would describe a binding instead.
 */
public class MissingVariableFailureAnalyzer extends AbstractFailureAnalyzer<PlaceholderResolutionException>
        implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PlaceholderResolutionException cause) {
        return new FailureAnalysis(
                sentence(cause.getPlaceholder()),
                "Set " + cause.getPlaceholder() + " in the service's environment (see the service's README).",
                cause);
    }

    static String sentence(String variable) {
        return "The environment variable " + variable + " is not set, and it has no default.";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
