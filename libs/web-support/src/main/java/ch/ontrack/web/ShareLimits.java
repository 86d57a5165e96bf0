package ch.ontrack.web;

/**
 * Limits both backends apply to a share, kept here so the provider refuses at upload or send whatever the
 * client backend would refuse at delivery (docs/architecture.md, "Limits end to end").
 */
public final class ShareLimits {

    /** Files of one document, and so of one share. */
    public static final int MAX_FILES = 200;

    private ShareLimits() {}
}
