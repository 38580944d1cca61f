package org.tanuu.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * One answer of the interview, as the rules see it. {@code number} is set for int answers, {@code date} for dates.
 * The answer carries its question as the jurisdiction reads it ({@link Question#under}): {@code element},
 * {@code basis}, {@code dimensions}, {@code strength} and {@code childStrength}, so a rule reads one fact where it
 * would join two, and a session holds no question facts.
 */
public record Answer(String question, String value, Integer number, LocalDate date, String element, String basis,
                     List<String> dimensions, String strength, String childStrength) {
    /** An answer as the interview gives it, not yet read by a jurisdiction. */
    public Answer(String question, String value, Integer number, LocalDate date) {
        this(question, value, number, date, null, null, List.of(), null, null);
    }

    /** This answer with what {@code q} (its question, as a jurisdiction reads it) says of it. */
    public Answer readAs(Question q) {
        return new Answer(question, value, number, date, q.element(), q.basis(), q.dimensions(), q.strength(), q.childStrength());
    }
}
