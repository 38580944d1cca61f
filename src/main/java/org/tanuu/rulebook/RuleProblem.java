package org.tanuu.rulebook;

/** A reason a rule book was rejected, at a place in the rules folder (line and column 0 when unknown). */
public record RuleProblem(String file, int line, int column, String message) {

    /** The form editors and CI understand: {@code file:line:column: message}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
