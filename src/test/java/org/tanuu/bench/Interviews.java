package org.tanuu.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tanuu.facts.Question;
import org.tanuu.facts.Vocabulary;
import org.tanuu.identify.InterviewReader;
import org.tanuu.rulebook.RuleBook;
import org.tanuu.rulebook.SampleCase;

/**
 * Varied interviews for the benchmarks: each sample case in turn, with up to four act, means or purpose answers
 * changed at random (fixed seed), so no two consecutive requests are the same and no cache could answer them.
 * Every body is a valid request for the rule book it was made from.
 */
public final class Interviews {
    public static final int COUNT = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VALUES = List.of("YES", "NO", "UNKNOWN", "YES", "NO");

    private Interviews() {
    }

    /** {@link #COUNT} request bodies, all asking for {@code jurisdiction}. */
    public static List<String> bodies(RuleBook book, String jurisdiction) {
        List<String> questions = new ArrayList<>();
        for (Question q : book.questionnaire().all()) {
            if ("yesno".equals(q.kind()) && Vocabulary.ELEMENTS.contains(q.element())) {
                questions.add(q.id());
            }
        }
        List<SampleCase> cases = book.cases();
        Random random = new Random(12);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; bodies.size() < COUNT; i++) {
            SampleCase sample = cases.get(i % cases.size());
            ObjectNode request = JSON.createObjectNode();
            request.put("jurisdiction", jurisdiction);
            request.put("reference", "bench-" + i);
            ObjectNode answers = ((ObjectNode) sample.answers()).deepCopy();
            int changes = i < cases.size() ? 0 : 1 + random.nextInt(4); // the cases themselves first
            for (int c = 0; c < changes; c++) {
                answers.put(questions.get(random.nextInt(questions.size())), VALUES.get(random.nextInt(VALUES.size())));
            }
            request.set("answers", answers);
            String body = request.toString();
            InterviewReader.read(InterviewReader.parse(body.getBytes(StandardCharsets.UTF_8)), book); // throws if the generator made a bad one
            bodies.add(body);
        }
        return bodies;
    }

}
