package ch.ontrack.client.file;

import java.util.UUID;

/**
 * One file of a share. {@code inlineSafe}: its type may be shown in the browser and its bytes match it;
 * {@code object}: its bytes in the file store.
 */
public record StoredFile(
        long ref, String id, String name, String contentType, long size, boolean inlineSafe, UUID object) {}
