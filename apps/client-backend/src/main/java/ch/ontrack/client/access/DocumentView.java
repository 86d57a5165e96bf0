package ch.ontrack.client.access;

import ch.ontrack.client.file.StoredFile;
import ch.ontrack.client.share.Share;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What an unlocked client sees. */
record DocumentView(
        String providerName, String title, @Nullable String message, Instant expiresAt, List<FileView> files) {

    record FileView(String id, String name, String contentType, long size) {}

    static DocumentView of(Share share, List<StoredFile> files) {
        return new DocumentView(
                share.providerName(),
                share.title(),
                share.message(),
                share.expiresAt(),
                files.stream()
                        .map(f -> new FileView(f.id(), f.name(), f.contentType(), f.size()))
                        .toList());
    }
}
