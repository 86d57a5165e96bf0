package ch.ontrack.provider.clients;

import java.util.UUID;

/** An entry of the provider's address book. */
public record Client(UUID id, String name, String email) {}
