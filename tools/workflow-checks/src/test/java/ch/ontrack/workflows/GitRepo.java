package ch.ontrack.workflows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A throwaway git repository with deploy/release/ of this repository, to run image-tags.sh on a real history. */
final class GitRepo {

    final Path dir;
    private int commits;

    GitRepo(Path dir) {
        this.dir = dir;
        try {
            Path release = dir.resolve("deploy/release");
            Files.createDirectories(release.resolve("inputs"));
            Files.copy(Repo.ROOT.resolve("deploy/release/image-tags.sh"), release.resolve("image-tags.sh"));
            release.resolve("image-tags.sh").toFile().setExecutable(true);
            try (var inputs = Files.list(Repo.ROOT.resolve("deploy/release/inputs"))) {
                for (Path file : inputs.toList()) {
                    Files.copy(file, release.resolve("inputs").resolve(file.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run("git", "init", "-q", "-b", "main");
        run("git", "config", "user.email", "test@example.invalid");
        run("git", "config", "user.name", "test");
        run("git", "config", "commit.gpgsign", "false");
    }

    /** Changes the given files and commits; returns the commit. */
    String commit(String... files) {
        try {
            for (String file : files) {
                Path path = dir.resolve(file);
                Files.createDirectories(path.getParent() == null ? dir : path.getParent());
                Files.writeString(path, "change " + commits + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        commits++;
        run("git", "add", "-A");
        run("git", "commit", "-q", "-m", "change " + commits);
        return run("git", "rev-parse", "HEAD").strip();
    }

    /** image-tags.sh at HEAD: app -> "tag state"; existing lists the image references that exist. */
    Map<String, String> imageTags(List<String> existing, Path output) {
        try {
            Path registry =
                    Files.writeString(Files.createTempFile("registry", ".txt"), String.join("\n", existing) + "\n");
            Path exists = Files.writeString(
                    Files.createTempFile("exists", ".sh"), "#!/bin/sh\ngrep -qxF \"$1\" '" + registry + "'\n");
            exists.toFile().setExecutable(true);
            Map<String, String> env = new LinkedHashMap<>();
            env.put("IMAGE_EXISTS", exists.toString());
            if (output != null) {
                env.put("GITHUB_OUTPUT", output.toString());
            }
            Map<String, String> result = new LinkedHashMap<>();
            for (String line : run(env, "deploy/release/image-tags.sh", "ghcr.io/owner")
                    .strip()
                    .split("\n")) {
                String[] parts = line.split(" ");
                result.put(parts[0], parts[1] + " " + parts[2]);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAncestor(String older, String newer) {
        return exit("git", "merge-base", "--is-ancestor", older, newer) == 0;
    }

    String run(String... command) {
        return run(Map.of(), command);
    }

    private String run(Map<String, String> env, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile());
            builder.environment().putAll(env);
            Process process = builder.redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int exit(String... command) {
        try {
            return new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
