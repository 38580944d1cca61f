package org.tanuu.http;

/**
 * Who may call what. A trainer may do what a screener does, a reviewer what a trainer does: each endpoint names
 * every role that may call it.
 */
public final class Roles {
    public static final String SCREENER = "screener";
    public static final String TRAINER = "trainer";
    public static final String REVIEWER = "reviewer";

    private Roles() {
    }
}
