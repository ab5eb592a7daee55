package dev.longtail.core.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** The NLTK fixture: the pre-tokenised texts and the values NLTK computed on them (see reference/nltk/README.md). */
final class NltkReference {

    private NltkReference() {
    }

    static List<List<String>> texts(String file) {
        try (InputStream in = resource(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                    .map(l -> Arrays.asList(l.split(" "))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double value(String key) {
        Properties p = new Properties();
        try (InputStream in = resource("nltk_values.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("no NLTK reference value " + key);
        }
        return Double.parseDouble(v);
    }

    private static InputStream resource(String file) {
        InputStream in = NltkReference.class.getResourceAsStream("/reference/nltk/" + file);
        if (in == null) {
            throw new IllegalStateException("missing test resource reference/nltk/" + file);
        }
        return in;
    }
}
