package ch.ontrack.provider.documents;

import java.util.UUID;

/** A file attached to a document; its bytes are in chunks, see {@link FileStore}. */
public record StoredFile(UUID id, String name, String contentType, long size) {}
