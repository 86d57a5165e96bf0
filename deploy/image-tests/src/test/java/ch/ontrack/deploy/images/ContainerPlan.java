package ch.ontrack.deploy.images;

import java.util.List;
import java.util.Map;

/**
 * One container of a rendered pod spec, translated for podman: {@code runArgs} go between {@code podman run} and
 * the image, {@code env} is handed to podman's own environment (the arguments name the variables, never their
 * values), the probes and the stop sequence are run by {@link Pod} the way the kubelet runs them.
 */
record ContainerPlan(
        String name,
        String image,
        List<String> runArgs,
        Map<String, String> env,
        Map<String, Integer> ports,
        Map<String, String> emptyDirs,
        Probe startup,
        Probe liveness,
        Probe readiness,
        int preStopSleepSeconds,
        int terminationGracePeriodSeconds,
        int runAsUser,
        int runAsGroup) {

    ContainerPlan withFastProbes() {
        return new ContainerPlan(
                name,
                image,
                runArgs,
                env,
                ports,
                emptyDirs,
                startup.everySecond(),
                liveness.everySecond(),
                readiness.everySecond(),
                preStopSleepSeconds,
                terminationGracePeriodSeconds,
                runAsUser,
                runAsGroup);
    }

    ContainerPlan withRunArgs(List<String> args) {
        return new ContainerPlan(
                name,
                image,
                List.copyOf(args),
                env,
                ports,
                emptyDirs,
                startup,
                liveness,
                readiness,
                preStopSleepSeconds,
                terminationGracePeriodSeconds,
                runAsUser,
                runAsGroup);
    }

    ContainerPlan withImage(String other) {
        return new ContainerPlan(
                name,
                other,
                runArgs,
                env,
                ports,
                emptyDirs,
                startup,
                liveness,
                readiness,
                preStopSleepSeconds,
                terminationGracePeriodSeconds,
                runAsUser,
                runAsGroup);
    }
}
