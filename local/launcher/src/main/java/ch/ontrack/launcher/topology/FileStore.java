package ch.ontrack.launcher.topology;

import ch.ontrack.launcher.component.LaunchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where both backends keep the files (their FILE_STORE): in their databases, or in the local S3 server
 * ({@code ./platform up --file-store s3}). The choice is remembered in the data directory, so a plain
 * {@code ./platform up} keeps the store that holds the files.
 */
public enum FileStore {
    POSTGRES,
    S3;

    static final String FILE = "file-store";

    /** The value of FILE_STORE and of {@code --file-store}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FileStore parse(String value) {
        return Arrays.stream(values())
                .filter(s -> s.value().equals(value.trim()))
                .findFirst()
                .orElseThrow(() -> new LaunchException("Unknown file store '" + value.trim()
                        + "': use --file-store postgres" + " or --file-store s3."));
    }

    /** The store the data directory was last started with, if any. */
    public static Optional<FileStore> remembered(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            return Files.isRegularFile(file) ? Optional.of(parse(Files.readString(file))) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Remembers this store for the next start without {@code --file-store}. */
    public void remember(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Files.writeString(dataDir.resolve(FILE), value() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
