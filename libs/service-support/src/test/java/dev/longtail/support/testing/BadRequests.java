package dev.longtail.support.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.ConfigProvider;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Bad requests for a service's REST endpoints, generated with jqwik's arbitraries from a fixed seed, sent over HTTP,
 * and the check every answer must pass: a 4xx with {@code application/problem+json} (or the endpoint's own error
 * shape), never a 5xx. It counts the cases tried per endpoint and kind and prints them.
 *
 * <p>jqwik's properties run on jqwik's own engine, which a {@code @QuarkusTest} (a Jupiter extension) cannot host, so
 * the Jupiter tests draw jqwik's generators themselves ({@link #sample}), each from {@link #SEED}: a failure replays.
 */
public final class BadRequests {

    /** The seed every generator starts from, so that a failing case comes back on the next run. */
    public static final long SEED = 20261203L;

    /** The media type of the services' own error bodies. */
    public static final String PROBLEM = "application/problem+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How many cases of each kind are drawn per field or endpoint. */
    public static final int PER_KIND = 8;

    /** One bad request: what kind of bad it is, its content type and its bytes. */
    public record Case(String kind, String contentType, byte[] body) {

        static Case json(String kind, String text) {
            return new Case(kind, "application/json", text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return kind + ": " + (text.length() > 160 ? text.substring(0, 160) + "…(" + body.length + " bytes)" : text);
        }
    }

    /** What a service answered. */
    public record Answer(int status, String contentType, String body) {
    }

    private final String service;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Map<String, Integer>> tried;
    private final Map<String, String> headers;

    public BadRequests(String service, URI base) {
        this(service, base, new TreeMap<>(), Map.of());
    }

    private BadRequests(String service, URI base, Map<String, Map<String, Integer>> tried, Map<String, String> headers) {
        this.service = service;
        this.base = base;
        this.tried = tried;
        this.headers = headers;
    }

    /** The same suite (its counts included) sending a header with every request: an API key, say. */
    public BadRequests withHeader(String name, String value) {
        var more = new TreeMap<>(headers);
        more.put(name, value);
        return new BadRequests(service, base, tried, more);
    }

    /**
     * {@code count} values of an arbitrary, drawn by jqwik's own sampling (edge cases included) from the thread's
     * source of randomness, which {@link #seeded} fixes.
     */
    public static <T> List<T> sample(Arbitrary<T> arbitrary, Random random, int count) {
        return arbitrary.sampleStream().limit(count).toList();
    }

    /** A random for the case builders, and jqwik's source of randomness on this thread, both from one seed. */
    private static Random seeded(long seed) {
        // outside a property jqwik samples from its thread-local source; fixing it makes every run draw the same cases
        net.jqwik.engine.SourceOfRandomness.create(Long.toString(seed));
        return new Random(seed);
    }

    /**
     * Bad variants of a valid JSON object body: malformed JSON, wrong JSON types for each field, unknown fields,
     * invalid UTF-8, raw and escaped control characters, and zero, negative and huge values for the count fields.
     */
    public static List<Case> jsonBodyCases(String validBody, List<String> countFields, int perKind) {
        // fields in name order: a body built from Map.of comes in a different order in every JVM, and so would the cases
        ObjectNode valid = (ObjectNode) canonical(parseObject(validBody));
        String validJson = valid.toString();
        // seeded by the field names, not the values: a body holding a fresh UUID still gets the same cases
        Random random = seeded(SEED ^ iterable(valid.fieldNames()).hashCode());
        List<Case> cases = new ArrayList<>();
        malformed(validJson, random, perKind).forEach(text -> cases.add(Case.json("malformed JSON", text)));
        cases.add(Case.json("malformed JSON", ""));
        cases.add(Case.json("wrong JSON type", "[" + validJson + "]"));
        cases.add(Case.json("wrong JSON type", "\"" + validJson.replace("\"", "\\\"") + "\""));
        cases.add(Case.json("wrong JSON type", "42"));
        cases.add(Case.json("wrong JSON type", "null"));
        for (Iterator<String> fields = valid.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            JsonNode original = valid.get(field);
            for (JsonNode wrong : sample(values(), random, perKind * 3)) {
                if (!sameShape(original, wrong)) {
                    cases.add(Case.json("wrong JSON type", valid.deepCopy().set(field, wrong).toString()));
                }
            }
        }
        for (String name : sample(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20), random, perKind)) {
            if (!valid.has("x" + name)) {
                cases.add(Case.json("unknown field", valid.deepCopy().put("x" + name, "unexpected").toString()));
            }
        }
        cases.addAll(invalidUtf8(validJson, random, perKind));
        cases.addAll(controlCharacters(valid, random, perKind));
        for (String field : countFields) {
            for (JsonNode count : countValues(random, perKind)) {
                cases.add(Case.json("bad count", setPath(valid, field, count).toString()));
            }
        }
        return cases;
    }

    /** A body of {@code bytes} bytes, valid JSON apart from its size. */
    public static Case overLimit(long bytes) {
        byte[] body = new byte[(int) bytes];
        java.util.Arrays.fill(body, (byte) 'a');
        byte[] head = "{\"x\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, head.length);
        body[body.length - 2] = '"';
        body[body.length - 1] = '}';
        return new Case("over the body limit", "application/json", body);
    }

    /** Ids that name nothing: random UUIDs, and strings that are no id at all (long, non-ASCII, control characters). */
    public static List<String> unknownIds(int count) {
        Random random = seeded(SEED);
        List<String> ids = new ArrayList<>();
        sample(Arbitraries.create(java.util.UUID::randomUUID).map(u -> new java.util.UUID(random.nextLong(),
                random.nextLong()).toString()), random, count).forEach(ids::add);
        sample(Arbitraries.strings().ofMinLength(1).ofMaxLength(300).excludeChars('/', '\\', '?', '#', '%', ';')
                .filter(s -> !s.isBlank() && !s.equals(".") && !s.equals("..")), random, count).forEach(ids::add);
        ids.add("x".repeat(3000)); // longer would pass the HTTP request line limit (4096), answered by Vert.x alone
        return ids;
    }

    /** Zero, negative and huge numbers for a query or body count. */
    public static List<String> badCounts(int count) {
        return countValues(seeded(SEED), count).stream().map(JsonNode::asText).toList();
    }

    /**
     * Sends a bad request and checks the answer: a 4xx (except {@code allowed}, when the case is acceptable for this
     * endpoint), never a 5xx, with a problem+json body whose status matches. Returns the answer.
     */
    public Answer expectRejected(String method, String path, Case bad) {
        return expect(method, path, bad, PROBLEM);
    }

    /** As {@link #expectRejected}, with the endpoint's own error media type (OpenAI's endpoints answer JSON). */
    public Answer expect(String method, String path, Case bad, String errorType) {
        Answer answer = send(method, path, bad == null ? null : bad.contentType(), bad == null ? null : bad.body());
        count(method + " " + endpointOf(path), bad == null ? "unknown id" : bad.kind());
        String what = method + " " + path + " with " + (bad == null ? "no body" : bad);
        assertTrue(answer.status() >= 400 && answer.status() < 500,
                () -> what + " answered " + answer.status() + ": " + answer.body());
        assertTrue(answer.contentType() != null && answer.contentType().startsWith(errorType),
                () -> what + " answered " + answer.status() + " as " + answer.contentType() + ": " + answer.body());
        if (PROBLEM.equals(errorType)) {
            assertEquals(answer.status(), parse(answer.body()).path("status").asInt(), () -> what + ": " + answer.body());
        }
        return answer;
    }

    /**
     * Sends every bad variant of a valid JSON body ({@link #jsonBodyCases}, a body over the service's
     * {@code quarkus.http.limits.max-body-size} and a wrong content type) and checks that each is refused with a
     * problem and that no table of the service changed.
     */
    public void rejectsEveryBadBody(String method, String path, String validJson, List<String> countFields,
            DataSource database) {
        rejectsEveryBadBody(method, path, validJson, countFields, database, c -> true, PROBLEM);
    }

    /** As above, for the cases that apply to the endpoint, answered with the endpoint's own error media type. */
    public void rejectsEveryBadBody(String method, String path, String validJson, List<String> countFields,
            DataSource database, Predicate<Case> applies, String errorType) {
        TableSnapshot before = TableSnapshot.of(database);
        List<Case> cases = new ArrayList<>(jsonBodyCases(validJson, countFields, PER_KIND));
        cases.add(new Case("wrong content type", "text/plain", validJson.getBytes(StandardCharsets.UTF_8)));
        for (Case c : cases) {
            if (applies.test(c)) {
                expect(method, path, c, errorType);
            }
        }
        long limit = ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .asLongValue();
        Answer tooLarge = expectRejected(method, path, overLimit(limit + 1024));
        assertEquals(413, tooLarge.status(), () -> method + " " + path + " over the limit: " + tooLarge.body());
        assertEquals(before, TableSnapshot.of(database), () -> "a rejected request on " + method + " " + path
                + " wrote to the database");
    }

    /** Whether an id is a UUID (which a service may accept for something it has not met yet). */
    public static boolean isUuid(String id) {
        try {
            java.util.UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** An id as one path segment. */
    public static String encode(String id) {
        return java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Counts a case checked by the caller itself (a multipart form, say). */
    public void count(String endpoint, String kind) {
        tried.computeIfAbsent(endpoint, e -> new TreeMap<>()).merge(kind, 1, Integer::sum);
    }

    /** Sends a request as it is. */
    public Answer send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The cases tried, per endpoint and kind, as a table; also printed to standard output. */
    public String report() {
        StringBuilder out = new StringBuilder("Bad-input cases tried on the " + service + " (seed " + SEED + "):\n");
        int total = 0;
        for (var endpoint : tried.entrySet()) {
            int sum = endpoint.getValue().values().stream().mapToInt(Integer::intValue).sum();
            total += sum;
            out.append(String.format("  %-60s %5d  (%s)%n", endpoint.getKey(), sum, endpoint.getValue().entrySet()
                    .stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
        }
        out.append(String.format("  %-60s %5d%n", "all endpoints", total));
        System.out.print(out);
        return out.toString();
    }

    /** A path with its ids replaced by {id}, so that the counts group by endpoint. */
    private static String endpointOf(String path) {
        String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return withoutQuery.replaceAll("/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}[^/]*", "/{id}")
                .replaceAll("/[^/]*%[^/]*", "/{id}").replaceAll("/x{100,}", "/{id}");
    }

    private static List<String> malformed(String valid, Random random, int count) {
        List<String> texts = new ArrayList<>();
        for (int cut : sample(Arbitraries.integers().between(1, valid.length() - 1), random, count)) {
            texts.add(valid.substring(0, cut));
        }
        Arbitrary<String> junk = Arbitraries.strings().withChars("{}[]\":,tfn0123456789.-eE \\abc")
                .ofMinLength(1).ofMaxLength(40);
        texts.addAll(sample(junk.filter(notJson()), random, count));
        for (String tail : sample(Arbitraries.of("}", "]", ",", "x", "{}", " {", "\""), random, 3)) {
            texts.add(valid + tail);
        }
        texts.add(valid.replaceFirst("\"", "'").replaceFirst("\"", "'"));
        texts.add(valid.replaceFirst("}$", ",}"));
        return texts;
    }

    private static Predicate<String> notJson() {
        return text -> {
            try {
                JSON.readTree(text);
                return text.isBlank();
            } catch (IOException e) {
                return true;
            }
        };
    }

    /** Values of every JSON type, each drawn from its own arbitrary. */
    private static Arbitrary<JsonNode> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMaxLength(12).map(s -> (JsonNode) JSON.getNodeFactory().textNode(s)),
                Arbitraries.integers().map(i -> (JsonNode) JSON.getNodeFactory().numberNode(i)),
                Arbitraries.doubles().between(-1e6, 1e6).map(d -> (JsonNode) JSON.getNodeFactory().numberNode(d)),
                Arbitraries.of(true, false).map(b -> (JsonNode) JSON.getNodeFactory().booleanNode(b)),
                Arbitraries.integers().between(0, 3).map(n -> {
                    var array = JSON.createArrayNode();
                    IntStream.range(0, n).forEach(array::add);
                    return (JsonNode) array;
                }),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(k -> (JsonNode) JSON.createObjectNode()
                        .put(k, 1)));
    }

    /** Whether two JSON values have the same shape: both text, both numbers, both booleans, arrays or objects. */
    private static boolean sameShape(JsonNode a, JsonNode b) {
        return a.isNumber() && b.isNumber() || a.getNodeType() == b.getNodeType();
    }

    private static List<Case> invalidUtf8(String valid, Random random, int count) {
        List<byte[]> sequences = List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80,
                        (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82});
        List<Case> cases = new ArrayList<>();
        int quote = valid.indexOf(":\"");
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        for (byte[] bad : sample(Arbitraries.of(sequences), random, count)) {
            int at = quote < 0 ? 1 : valid.substring(0, quote + 2).getBytes(StandardCharsets.UTF_8).length;
            byte[] body = new byte[bytes.length + bad.length];
            System.arraycopy(bytes, 0, body, 0, at);
            System.arraycopy(bad, 0, body, at, bad.length);
            System.arraycopy(bytes, at, body, at + bad.length, bytes.length - at);
            cases.add(new Case("invalid UTF-8", "application/json", body));
        }
        return cases;
    }

    /**
     * Control characters in every text field: raw (not valid JSON) and escaped NUL, which JSON allows but no
     * PostgreSQL text column stores.
     */
    private static List<Case> controlCharacters(ObjectNode valid, Random random, int count) {
        List<Case> cases = new ArrayList<>();
        List<Character> controls = sample(Arbitraries.chars().range('\u0000', '\u001f'), random, count);
        for (String field : textFields(valid)) {
            for (char c : controls) {
                String escaped = setPath(valid, field, JSON.getNodeFactory().textNode("ctl" + c + "x")).toString();
                String raw = escaped.replace(String.format("\\u%04X", (int) c), String.valueOf(c))
                        .replace(String.format("\\u%04x", (int) c), String.valueOf(c))
                        .replace(JSON.getNodeFactory().textNode(String.valueOf(c)).toString().replace("\"", ""),
                                String.valueOf(c));
                cases.add(Case.json("raw control character", raw));
            }
            cases.add(Case.json("escaped NUL", setPath(valid, field, JSON.getNodeFactory().textNode("nul\u0000x"))
                    .toString()));
        }
        return cases;
    }

    /** The dotted paths of the text values in an object, descending into its first array element and objects. */
    private static List<String> textFields(JsonNode node) {
        List<String> paths = new ArrayList<>();
        for (var fields = node.fields(); fields.hasNext(); ) {
            var field = fields.next();
            JsonNode value = field.getValue();
            if (value.isArray() && !value.isEmpty()) {
                value = value.get(0);
                if (value.isTextual()) {
                    paths.add(field.getKey() + ".0");
                    continue;
                }
            }
            if (value.isTextual()) {
                paths.add(field.getKey());
            } else if (value.isObject()) {
                String prefix = field.getKey() + (field.getValue().isArray() ? ".0." : ".");
                textFields(value).forEach(p -> paths.add(prefix + p));
            }
        }
        return paths;
    }

    /** A copy of an object with the value at a dotted path (array indexes as numbers) replaced. */
    public static ObjectNode setPath(ObjectNode object, String path, JsonNode value) {
        ObjectNode copy = object.deepCopy();
        String[] steps = path.split("\\.");
        JsonNode parent = copy;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(steps[i])) : parent.get(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (parent.isArray()) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return copy;
    }

    private static List<JsonNode> countValues(Random random, int count) {
        var nodes = JSON.getNodeFactory();
        List<JsonNode> values = new ArrayList<>(List.of(nodes.numberNode(0), nodes.numberNode(-1),
                nodes.numberNode(Integer.MAX_VALUE), nodes.numberNode(Long.MAX_VALUE),
                nodes.numberNode(new java.math.BigInteger("1" + "0".repeat(30))), nodes.numberNode(1e300)));
        sample(Arbitraries.integers().lessOrEqual(-1), random, count).forEach(i -> values.add(nodes.numberNode(i)));
        sample(Arbitraries.longs().greaterOrEqual(1_000_000_000L), random, count)
                .forEach(l -> values.add(nodes.numberNode(l)));
        return values;
    }

    /** A copy of a JSON value with every object's fields in name order. */
    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JSON.createObjectNode();
            new java.util.TreeSet<String>(iterable(node.fieldNames())).forEach(name -> sorted.set(name,
                    canonical(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            var array = JSON.createArrayNode();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        return node;
    }

    private static java.util.Collection<String> iterable(Iterator<String> names) {
        List<String> all = new ArrayList<>();
        names.forEachRemaining(all::add);
        return all;
    }

    private static ObjectNode parseObject(String json) {
        JsonNode node = parse(json);
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a JSON object: " + json);
        }
        return (ObjectNode) node;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
