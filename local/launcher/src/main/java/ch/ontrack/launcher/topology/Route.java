package ch.ontrack.launcher.topology;

/**
 * One gateway route: requests for {@code site} ("provider" or "client") whose path is {@code
 * pathPrefix} or below it go to {@code component}.
 */
public record Route(String site, String pathPrefix, String component) {

    public boolean matches(String path) {
        return pathPrefix.equals("/")
                || path.equals(pathPrefix)
                || path.startsWith(pathPrefix.endsWith("/") ? pathPrefix : pathPrefix + "/");
    }
}
