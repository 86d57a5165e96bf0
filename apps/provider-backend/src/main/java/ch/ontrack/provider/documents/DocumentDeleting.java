package ch.ontrack.provider.documents;

import java.util.UUID;

/** Published inside the deletion's transaction, before the document's rows go. */
public record DocumentDeleting(UUID providerId, UUID documentId) {}
