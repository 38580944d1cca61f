package org.tanuu.rulebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A worked case from rules/cases/: an interview and what the rule book must conclude about it. Together they
 * are the rule book's regression suite and the trainers' material. {@code id} is the file name without .yaml.
 */
public record SampleCase(String id, String file, String name, String summary, String source, String jurisdiction,
                         JsonNode answers, Expectation expect) {

    /** What must come out: the decision, per-jurisdiction decisions, the exact flags, element statuses, rules that fire. */
    public record Expectation(String decision, Map<String, String> jurisdictions, List<String> flags,
                              Map<String, String> elements, List<String> fired) {
    }

    /** The case as a POST /identify request. */
    public ObjectNode request(ObjectMapper json) {
        ObjectNode request = json.createObjectNode();
        request.put("jurisdiction", jurisdiction);
        request.put("reference", "case:" + id);
        request.set("answers", answers.deepCopy());
        return request;
    }
}
