package org.tanuu.rulebook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One YAML file of the rule book, read strictly: each part is bound to a record by Jackson, which rejects unknown
 * keys, missing required keys and values of the wrong type. The tree itself has no positions, so a first pass over
 * the parser's tokens records where each node is written; every problem then names the key and its line.
 */
final class YamlFile {
    /** Duplicate keys are errors: YAML would keep the last one silently. */
    private static final YAMLFactory FACTORY = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper STRICT = strict();

    private final String file;
    private final JsonNode root;
    private final Map<JsonPointer, JsonLocation> locations;
    private final List<RuleProblem> problems;

    private YamlFile(String file, JsonNode root, Map<JsonPointer, JsonLocation> locations, List<RuleProblem> problems) {
        this.file = file;
        this.root = root;
        this.locations = locations;
        this.problems = problems;
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper(FACTORY)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        // No scalar becomes another type: 12 is not the text "12", "12" is not the number 12, yes is not a text.
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        // An empty item of a list or map ([common, ~]) is a problem, not a null for the reader to trip on.
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        return mapper;
    }

    /**
     * Parses {@code text}; when it is not YAML, a problem at the parser's position and a file whose root is null.
     * A null text is a missing file, which the caller has reported.
     */
    static YamlFile parse(String file, String text, List<RuleProblem> problems) {
        Map<JsonPointer, JsonLocation> locations = new HashMap<>();
        if (text == null) {
            return new YamlFile(file, null, locations, problems);
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                // The first token at a path is where it is written: a key, or the start of a list item.
                if (!token.isStructEnd()) {
                    locations.putIfAbsent(parser.getParsingContext().pathAsPointer(), parser.currentTokenLocation());
                }
            }
            return new YamlFile(file, STRICT.readTree(text), locations, problems);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(new RuleProblem(file, at == null ? 0 : Math.max(at.getLineNr(), 0), at == null ? 0 : Math.max(at.getColumnNr(), 0),
                    "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("")));
        } catch (IOException e) {
            problems.add(new RuleProblem(file, 0, 0, "cannot read: " + e.getMessage()));
        }
        return new YamlFile(file, null, locations, problems);
    }

    /** The whole document as a map, or null: when it is not YAML (already a problem), or with a problem saying what it must be. */
    JsonNode map(String what) {
        if (root == null) {
            return null;
        }
        if (!root.isObject()) {
            problem(JsonPointer.empty(), (root.isMissingNode() || root.isNull() ? "the file is empty" : "the file is " + kind(root))
                    + ": it must be " + what);
            return null;
        }
        return root;
    }

    JsonNode root() {
        return root;
    }

    void problem(JsonPointer at, String message) {
        JsonLocation location = locate(at);
        problems.add(new RuleProblem(file, location == null ? 1 : location.getLineNr(), location == null ? 1 : location.getColumnNr(), message));
    }

    /** The line where {@code at} is written (or its closest written parent), 1 when unknown. */
    int line(JsonPointer at) {
        JsonLocation location = locate(at);
        return location == null ? 1 : location.getLineNr();
    }

    /** Where {@code at} is written, or its closest written parent (a missing key is reported at its map). */
    private JsonLocation locate(JsonPointer at) {
        for (JsonPointer p = at; p != null; p = p.head()) {
            JsonLocation location = locations.get(p);
            if (location != null) {
                return location;
            }
        }
        return null;
    }

    /**
     * The node at {@code at} bound to {@code type}, or null and a problem starting with {@code where} (what the
     * reader calls this node, may be empty). A required text that is empty counts as missing.
     */
    <T> T read(JsonPointer at, Class<T> type, String where) {
        JsonNode node = root.at(at);
        try {
            T value = STRICT.treeToValue(node, type);
            if (value == null) {
                problem(at, prefix(where) + "no value: expected a map");
                return null;
            }
            for (String key : required(type)) {
                if (isBlank(component(value, key))) {
                    problem(at.appendProperty(key), prefix(where) + "no value for key \"" + key + "\"");
                    return null;
                }
            }
            return value;
        } catch (JsonMappingException e) {
            List<JsonMappingException.Reference> path = e.getPath();
            JsonPointer full = at;
            for (JsonMappingException.Reference ref : path) {
                full = ref.getFieldName() != null ? full.appendProperty(ref.getFieldName()) : full.appendIndex(ref.getIndex());
            }
            JsonMappingException.Reference last = path.isEmpty() ? null : path.get(path.size() - 1);
            String key = last == null || last.getFieldName() == null ? null : "key \"" + last.getFieldName() + "\"";
            String in = path.size() < 2 ? "" : " in " + describe(path.subList(0, path.size() - 1));
            JsonNode found = root.at(full);
            String message;
            if (e instanceof UnrecognizedPropertyException u) {
                message = "unknown " + key + in + "; expected one of " + keys(u.getReferringClass(), u.getKnownPropertyIds());
            } else if (e instanceof MismatchedInputException m && !found.isMissingNode()) {
                String what = key != null ? key + in + ": " : path.isEmpty() ? "" : describe(path) + ": ";
                message = what + "expected " + expected(m.getTargetType()) + ", found " + kind(found);
            } else if (e instanceof MismatchedInputException && key != null) {
                message = "missing " + key + in; // a required key: Jackson names it last in the path
            } else {
                message = e.getOriginalMessage().lines().findFirst().orElse("") + in;
            }
            problem(full, prefix(where) + message);
            return null;
        } catch (JsonProcessingException e) {
            problem(at, prefix(where) + e.getOriginalMessage().lines().findFirst().orElse(""));
            return null;
        }
    }

    private static String prefix(String where) {
        return where == null || where.isEmpty() ? "" : where + ": ";
    }

    /** A path as a reader says it: {@code expect}, {@code instruments[1]}, {@code [0]}. */
    private static String describe(List<JsonMappingException.Reference> path) {
        StringBuilder text = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                text.append(text.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                text.append('[').append(ref.getIndex()).append(']');
            }
        }
        return text.length() == 0 ? "the entry" : text.toString();
    }

    /** The keys a map may have, in the order the record declares them (Jackson's own set has no order). */
    private static List<String> keys(Class<?> type, Collection<Object> known) {
        if (type != null && type.isRecord()) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        }
        return known == null ? List.of() : known.stream().map(String::valueOf).sorted().toList();
    }

    private static List<String> required(Class<?> type) {
        if (!type.isRecord()) {
            return List.of();
        }
        return Arrays.stream(type.getRecordComponents())
                .filter(c -> c.isAnnotationPresent(JsonProperty.class) && c.getAnnotation(JsonProperty.class).required())
                .map(RecordComponent::getName).toList();
    }

    private static Object component(Object record, String name) {
        try {
            return record.getClass().getMethod(name).invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isBlank(Object value) {
        return value == null || value instanceof String s && s.isBlank() || value instanceof JsonNode n && (n.isNull() || n.isTextual() && n.asText().isBlank());
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "a map";
    }

    static String kind(JsonNode node) {
        return switch (Objects.requireNonNull(node).getNodeType()) {
            case STRING -> "a text";
            case NUMBER -> node.isIntegralNumber() ? "a whole number" : "a number";
            case BOOLEAN -> "true or false (quote yes, no, on and off to mean the words)";
            case ARRAY -> "a list";
            case OBJECT -> "a map";
            case NULL, MISSING -> "no value";
            default -> "a " + node.getNodeType().toString().toLowerCase();
        };
    }
}
