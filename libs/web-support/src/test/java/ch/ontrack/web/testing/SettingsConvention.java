package ch.ontrack.web.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.validation.annotation.Validated;

/**
 * The settings convention of every backend (docs/architecture.md "Settings"): each
 * {@code @ConfigurationProperties} class is a record named {@code <Name>Settings}, bound to
 * {@code oc.<name>} (the name in kebab case) and {@code @Validated}.
 */
public final class SettingsConvention {

    private SettingsConvention() {}

    /** Fails with every class under {@code basePackage} that breaks the convention; also fails when there is none. */
    public static void assertFollowedIn(String basePackage) {
        List<Class<?>> classes = settingsClasses(basePackage);
        assertThat(classes)
                .as("@ConfigurationProperties classes in " + basePackage)
                .isNotEmpty();
        List<String> problems = new ArrayList<>();
        classes.forEach(c -> problems.addAll(problems(c)));
        assertThat(problems).as("settings convention").isEmpty();
    }

    /** What is wrong with one class; empty when it follows the convention. */
    public static List<String> problems(Class<?> type) {
        List<String> problems = new ArrayList<>();
        String name = type.getSimpleName();
        if (!type.isRecord()) {
            problems.add(name + " is no record");
        }
        if (!name.endsWith("Settings") || name.equals("Settings")) {
            problems.add(name + " is not named <Name>Settings");
        }
        ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
        String prefix =
                properties == null ? "" : properties.prefix().isEmpty() ? properties.value() : properties.prefix();
        String expected = "oc." + kebab(name.replaceFirst("Settings$", ""));
        if (!prefix.equals(expected)) {
            problems.add(name + " is bound to '" + prefix + "', not '" + expected + "'");
        }
        if (type.getAnnotation(Validated.class) == null) {
            problems.add(name + " is not @Validated");
        }
        return problems;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static List<Class<?>> settingsClasses(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<Class<?>> classes = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            if (candidate.getBeanClassName().matches(".*Test\\$.*")) {
                continue; // samples inside test classes
            }
            try {
                classes.add(Class.forName(candidate.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return classes;
    }
}
