package dev.longtail.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longtail.core.text.Tokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A real corpus for the collapse benchmark: its articles, each a list of tokenised lines (paragraphs), and
 * the deterministic split into real-train (4 articles in 5) and held-out (every fifth article).
 *
 * <p>Plain text is read WikiText style: a top-level heading {@code = Title =} starts an article, lower
 * headings ({@code = = Section = =}) and blank lines are dropped, every other line is a paragraph. A text
 * without top-level headings has one article per line. JSONL has one article per record, its text taken from
 * {@code text} (or {@code content}, or the first string field) and split into lines at newlines.
 */
public record Corpus(String source, List<Article> articles) {

    /** Every fifth article, from the fifth on, is held out: 20% of the articles, spread over the file. */
    public static final int HELD_OUT_EVERY = 5;

    private static final Pattern TOP_HEADING = Pattern.compile("^\\s*=\\s(?!=).*[^=]\\s=\\s*$");
    private static final Pattern ANY_HEADING = Pattern.compile("^\\s*=.*=\\s*$");

    /** One article: a title and its tokenised, non-empty lines. */
    public record Article(String title, List<List<String>> lines) {
    }

    /** The two parts of the split; no regime ever sees {@code heldOut}. */
    public record Split(List<List<String>> train, List<List<String>> heldOut, int trainArticles, int heldOutArticles) {

        /** Tokens of the training part: the benchmark's budget B. */
        public long trainTokens() {
            return tokens(train);
        }

        /** Tokens of the held-out part. */
        public long heldOutTokens() {
            return tokens(heldOut);
        }
    }

    /** Copies the list so a corpus cannot change after it is read. */
    public Corpus {
        articles = List.copyOf(articles);
    }

    /** Reads a text or JSONL (by extension {@code .jsonl} / {@code .ndjson}) corpus. */
    public static Corpus read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("corpus file not found: " + file.toAbsolutePath().normalize());
        }
        try {
            List<String> raw = Files.readAllLines(file, StandardCharsets.UTF_8);
            String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            List<Article> articles = name.endsWith(".jsonl") || name.endsWith(".ndjson") ? jsonl(raw) : text(raw);
            if (articles.size() < HELD_OUT_EVERY) {
                throw new IllegalArgumentException("corpus " + file + " has " + articles.size()
                        + " articles; the split needs at least " + HELD_OUT_EVERY);
            }
            return new Corpus(file.toString(), articles);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("corpus file not found: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus " + file, e);
        }
    }

    /** Articles from WikiText-style text lines (see the class comment). */
    static List<Article> text(List<String> raw) {
        boolean headed = raw.stream().anyMatch(l -> TOP_HEADING.matcher(l).matches());
        List<Article> articles = new ArrayList<>();
        String title = null;
        List<List<String>> lines = new ArrayList<>();
        for (String line : raw) {
            if (line.isBlank()) {
                continue;
            }
            if (headed && TOP_HEADING.matcher(line).matches()) {
                if (!lines.isEmpty()) {
                    articles.add(new Article(title, lines));
                }
                title = line.trim().replaceAll("^=\\s*|\\s*=$", "");
                lines = new ArrayList<>();
                continue;
            }
            if (ANY_HEADING.matcher(line).matches()) {
                continue;
            }
            List<String> tokens = Tokenizer.tokenize(line);
            if (tokens.isEmpty()) {
                continue;
            }
            if (headed) {
                lines.add(tokens);
            } else {
                articles.add(new Article("line " + (articles.size() + 1), List.of(tokens)));
            }
        }
        if (!lines.isEmpty()) {
            articles.add(new Article(title, lines));
        }
        return articles;
    }

    /** Articles from JSONL records (see the class comment). */
    static List<Article> jsonl(List<String> raw) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Article> articles = new ArrayList<>();
        int number = 0;
        for (String record : raw) {
            number++;
            if (record.isBlank()) {
                continue;
            }
            JsonNode node = mapper.readTree(record);
            String text = textOf(node);
            if (text == null) {
                throw new IllegalArgumentException("JSONL record " + number + " has no text field");
            }
            List<List<String>> lines = new ArrayList<>();
            for (String line : text.split("\\R")) {
                List<String> tokens = Tokenizer.tokenize(line);
                if (!tokens.isEmpty()) {
                    lines.add(tokens);
                }
            }
            if (!lines.isEmpty()) {
                String title = node.hasNonNull("title") ? node.get("title").asText() : "record " + number;
                articles.add(new Article(title, lines));
            }
        }
        return articles;
    }

    private static String textOf(JsonNode node) {
        for (String field : List.of("text", "content")) {
            if (node.hasNonNull(field) && node.get(field).isTextual()) {
                return node.get(field).asText();
            }
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getValue().isTextual()) {
                return field.getValue().asText();
            }
        }
        return null;
    }

    /** Article i goes to held-out when i mod 5 = 4, else to real-train; lines keep their order. */
    public Split split() {
        List<List<String>> train = new ArrayList<>();
        List<List<String>> heldOut = new ArrayList<>();
        int trainArticles = 0;
        int heldOutArticles = 0;
        for (int i = 0; i < articles.size(); i++) {
            if (i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1) {
                heldOut.addAll(articles.get(i).lines());
                heldOutArticles++;
            } else {
                train.addAll(articles.get(i).lines());
                trainArticles++;
            }
        }
        return new Split(train, heldOut, trainArticles, heldOutArticles);
    }

    /** A miniature: the first {@code count} articles only (for the CI test). */
    public Corpus firstArticles(int count) {
        return new Corpus(source + " (first " + count + " articles)", articles.subList(0, Math.min(count, articles.size())));
    }

    static long tokens(List<List<String>> lines) {
        long n = 0;
        for (List<String> line : lines) {
            n += line.size();
        }
        return n;
    }
}
