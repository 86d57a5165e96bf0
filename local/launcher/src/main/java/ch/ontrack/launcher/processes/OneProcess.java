package ch.ontrack.launcher.processes;

import ch.ontrack.launcher.component.Component;
import java.util.List;

/** A component that is one supervised process of its own: starting, stopping, pids, exits and logs are the process's. */
abstract class OneProcess implements Component {

    /** The process this component runs. */
    abstract BackendProcess process();

    @Override
    public void start() throws Exception {
        process().start();
    }

    @Override
    public void stop() {
        process().stop();
    }

    @Override
    public List<Long> pids() {
        return process().pids();
    }

    @Override
    public void onUnexpectedExit(ExitListener listener) {
        process().onUnexpectedExit(listener);
    }

    @Override
    public List<String> lastLogLines() {
        return process().lastLogLines();
    }
}
