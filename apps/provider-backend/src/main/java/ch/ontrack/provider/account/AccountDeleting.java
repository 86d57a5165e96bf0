package ch.ontrack.provider.account;

import java.util.UUID;

/** Published inside the deletion's transaction, before the provider's rows go. */
public record AccountDeleting(UUID providerId) {}
