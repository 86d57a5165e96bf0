package ch.ontrack.launcher.component;

import java.util.List;

/** One part of the local platform. */
public interface Component {

    String name();

    /** Starts it and returns when it is ready; throws {@link LaunchException} when it cannot. */
    void start() throws Exception;

    /** Stops it (idempotent, also after a failed or unfinished start). */
    void stop();

    /** The operating-system processes it runs, empty when it runs inside the launcher. */
    default List<Long> pids() {
        return List.of();
    }

    /** Called when it stops without being asked to (a crash), once per start. */
    default void onUnexpectedExit(ExitListener listener) {}

    /** What a supervisor hears of a component that stopped on its own. */
    @FunctionalInterface
    interface ExitListener {
        void exited(String component, int exitCode, java.time.Duration uptime);
    }

    /** The end of its log, shown when it fails to start. */
    default List<String> lastLogLines() {
        return List.of();
    }
}
