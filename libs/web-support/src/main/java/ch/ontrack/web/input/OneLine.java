package ch.ontrack.web.input;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text that ends up in e-mails or page titles others read (an organisation, a document title): one line, without
 * control characters, line or paragraph separators, or the invisible characters that reorder text (bidi
 * overrides). The length stays with {@code @Size}. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = OneLine.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneLine {

    String message() default "must be a single line without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OneLine, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || oneLine(value);
        }

        /** True without CR, LF, other control characters, U+2028/U+2029 and bidi embedding, override or isolate marks. */
        public static boolean oneLine(String value) {
            return value.codePoints()
                    .noneMatch(c -> Character.getType(c) == Character.CONTROL
                            || Character.getType(c) == Character.LINE_SEPARATOR
                            || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                            || (c >= 0x202A && c <= 0x202E)
                            || (c >= 0x2066 && c <= 0x2069));
        }
    }
}
