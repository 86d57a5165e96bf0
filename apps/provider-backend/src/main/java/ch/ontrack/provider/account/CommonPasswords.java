package ch.ontrack.provider.account;

import ch.ontrack.web.ApiProblem;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Refuses passwords from the list of common and breached passwords that nbvcxz ships (its "passwords" dictionary,
 * about 100 000 entries), compared without regard to case. No composition rules (ADR 0303).
 */
@Component
public class CommonPasswords {

    static final String TYPE = "common-password";
    static final String MESSAGE = "is one of the most common passwords; choose another";
    /**
     * Loaded beside the context's start-up (about 0.3 s of CPU); the first check waits for it, and so does
     * readiness, so a missing list still stops start-up.
     */
    private final CompletableFuture<Set<String>> common;

    public CommonPasswords() {
        this(CommonPasswords::load);
    }

    CommonPasswords(Supplier<Set<String>> list) {
        this.common = CompletableFuture.supplyAsync(list);
    }

    /** Before the backend reports ready: the list is loaded, or start-up fails with why. */
    @EventListener(ApplicationReadyEvent.class)
    void awaitLoaded() {
        try {
            common.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("The list of common passwords could not be loaded", e.getCause());
        }
    }

    private static Set<String> load() {
        return ConfigurationBuilder.getDefaultDictionaries().stream()
                .filter(d -> "passwords".equals(d.getDictionaryName()))
                .map(Dictionary::getDictonary)
                .findFirst()
                .map(words -> words.keySet().stream()
                        .map(w -> w.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet()))
                .orElseThrow(() -> new IllegalStateException("nbvcxz ships no passwords dictionary"));
    }

    public boolean isCommon(String password) {
        return common.join().contains(password.toLowerCase(Locale.ROOT));
    }

    /**
     * 422 {@code common-password} with a field error for {@code field} when the password is common. Used at sign-up
     * and at every password change.
     */
    public void refuseCommon(String field, String password) {
        if (isCommon(password)) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    TYPE,
                    "Common password",
                    "This password appears in lists of common or breached passwords.",
                    Map.of("errors", List.of(Map.of("field", field, "message", MESSAGE))));
        }
    }
}
