package org.tanuu.identify;

/** One offending field of a request, e.g. {@code answers.act.recruted}: "unknown question id". */
public record FieldError(String field, String message) {
}
