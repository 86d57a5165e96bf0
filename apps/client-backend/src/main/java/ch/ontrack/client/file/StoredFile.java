package ch.ontrack.client.file;

/** One file of a share. {@code inlineSafe}: its type may be shown in the browser and its bytes match it. */
public record StoredFile(
    long ref, String id, String name, String contentType, long size, boolean inlineSafe) {}
