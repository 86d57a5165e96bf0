package ch.ontrack.launcher.component;

/** A failure the developer can act on; its message is a plain sentence, shown without a trace. */
public class LaunchException extends RuntimeException {

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
