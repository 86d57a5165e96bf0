package ch.ontrack.provider.documents;

import java.util.UUID;

/** A file attached to a document; its bytes are in the file store ({@code ch.ontrack.web.files.FileStore}) under its id. */
public record StoredFile(UUID id, String name, String contentType, long size) {}
