package org.tanuu.identify;

import java.util.List;

/** A request the service refuses, with every offending field named; {@code tooLarge} when the body is over the limit. */
public final class InvalidRequestException extends RuntimeException {
    private final boolean tooLarge;
    private final List<FieldError> errors;

    private InvalidRequestException(boolean tooLarge, List<FieldError> errors) {
        super(null, null, false, false); // no stack trace: this is the caller's error, not a fault
        this.tooLarge = tooLarge;
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(List<FieldError> errors) {
        this(false, errors);
    }

    public static InvalidRequestException of(String field, String message) {
        return new InvalidRequestException(List.of(new FieldError(field, message)));
    }

    static InvalidRequestException tooLarge(String message) {
        return tooLarge("body", message);
    }

    /** 413: {@code field} (the body, or a part of it such as an archive's entry) is over a limit. */
    public static InvalidRequestException tooLarge(String field, String message) {
        return new InvalidRequestException(true, List.of(new FieldError(field, message)));
    }

    public boolean tooLarge() {
        return tooLarge;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
