package ch.ontrack.e2e;

import ch.ontrack.launcher.LocalPlatform;
import java.net.http.HttpClient;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(PlatformExtension.class)}: test methods and constructors may take the shared
 * {@link LocalPlatform} and an {@link HttpClient} that trusts its local CA.
 */
public final class PlatformExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalPlatform.class || type == HttpClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalPlatform.class
                ? SharedPlatform.get()
                : SharedPlatform.httpClient();
    }
}
