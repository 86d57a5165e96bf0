package ch.ontrack.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A key that cannot open what is stored ({@link SealingKey#checkOpens}) stops start-up with its sentence, no trace. */
public class WrongKeyFailureAnalyzer extends AbstractFailureAnalyzer<SealingKey.WrongKey> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SealingKey.WrongKey cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Put the earlier value of " + cause.variable() + " back: values already stored cannot be opened"
                        + " with a new key.",
                cause);
    }
}
