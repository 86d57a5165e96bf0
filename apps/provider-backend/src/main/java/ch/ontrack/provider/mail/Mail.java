package ch.ontrack.provider.mail;

/** One e-mail in one language: subject, plain text and the same text as HTML. */
public record Mail(String language, String subject, String text, String html) {}
