package ch.ontrack.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;

/**
 * Resolves every value of the service's application.yml before any bean is made, so a {@code ${VARIABLE}}
 * without default (a secret) whose variable is not set stops start-up. Spring Boot's binder would otherwise
 * bind the text {@code ${VARIABLE}} itself as the value. {@link MissingVariableFailureAnalyzer} names it.
 */
class UnsetVariableCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final String CONFIG_FILES = "Config resource";

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Set<String> names = new LinkedHashSet<>();
        environment.getPropertySources().stream()
                .filter(source ->
                        source.getName().startsWith(CONFIG_FILES) && source instanceof EnumerablePropertySource)
                .forEach(source ->
                        names.addAll(Arrays.asList(((EnumerablePropertySource<?>) source).getPropertyNames())));
        // the value that wins (a test or the environment may set the property itself), its placeholders resolved
        names.forEach(environment::getProperty);
    }
}
