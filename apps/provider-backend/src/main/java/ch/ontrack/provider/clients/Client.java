package ch.ontrack.provider.clients;

import java.util.UUID;

/** An entry of the provider's address book; {@code language} is the one the client reads (de, fr, it, en). */
public record Client(UUID id, String name, String email, String language) {}
