package org.tanuu.identify;

/**
 * An evaluation that reached the firing limit ({@code rulebook.Limits}): some rule keeps firing. Names the rule that
 * fired most, where it is, and how often, for the reviewer who must fix it.
 */
public final class EvaluationLimitException extends RuntimeException {
    private final String jurisdiction;
    private final String rule;
    private final String file;
    private final int line;

    EvaluationLimitException(String jurisdiction, int limit, String rule, String file, int line, int times) {
        super("the evaluation under " + jurisdiction + " stopped after " + limit + " rule firings: rule " + rule
                + " fired " + times + " times; a rule that inserts again what it matches fires for ever", null, false, false);
        this.jurisdiction = jurisdiction;
        this.rule = rule;
        this.file = file;
        this.line = line;
    }

    public String jurisdiction() { return jurisdiction; }
    public String rule() { return rule; }
    /** The rule's file in the rules folder, or null for a rule the catalogue does not know. */
    public String file() { return file; }
    public int line() { return line; }
}
