package ch.ontrack.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string read from JSON must be storable as PostgreSQL text: no NUL character and no
 * unpaired surrogate (neither has a UTF-8 form). Checked once here for every field of every API,
 * answered with 422 by {@link ProblemHandler} instead of a database error.
 */
final class StorableText {

    static final String MESSAGE = "must not contain NUL characters or unpaired surrogates";

    private StorableText() {}

    static SimpleModule module() {
        return new SimpleModule("storable-text").addDeserializer(String.class, new Deserializer());
    }

    /** True if PostgreSQL can store the text as it is. */
    static boolean storable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A string value PostgreSQL cannot store; the path of the exception names the field. */
    static final class UnstorableTextException extends InvalidFormatException {
        UnstorableTextException(JsonParser parser, String value) {
            super(parser, "Text " + MESSAGE + ".", value, String.class);
        }
    }

    private static final class Deserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && !storable(value)) {
                throw new UnstorableTextException(parser, value);
            }
            return value;
        }
    }
}
