package ch.ontrack.provider.documents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record Document(
        UUID id, String title, String message, Instant createdAt, Instant updatedAt, List<StoredFile> files) {}
