package dev.longtail.generator.openai.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.longtail.contracts.TrainingText;
import dev.longtail.core.lm.RetrievalInterpolatedModel;
import dev.longtail.generator.GeneratorConfig;
import dev.longtail.generator.backend.Completion;
import dev.longtail.generator.backend.CompletionRequest;
import dev.longtail.generator.embedded.EmbeddedBackend;

/**
 * The embedded model as the OpenAI-compatible endpoints serve it: trained once, on first use, on the configured
 * corpus. It samples exactly as the in-process embedded backend does, so the same prompt, parameters and seed give
 * the same text over HTTP as in-process.
 */
@ApplicationScoped
public class ServedModel {

    private static final Logger LOG = Logger.getLogger(ServedModel.class);

    private final EmbeddedBackend embedded;
    private final GeneratorConfig.Serving config;
    private final ObjectMapper mapper;
    private volatile RetrievalInterpolatedModel model;

    public ServedModel(EmbeddedBackend embedded, GeneratorConfig config, ObjectMapper mapper) {
        this.embedded = embedded;
        this.config = config.serving();
        this.mapper = mapper;
    }

    /** The id clients pass as {@code model}. */
    public String id() {
        return embedded.model();
    }

    public Completion complete(CompletionRequest request) {
        return embedded.complete(model(), request);
    }

    private RetrievalInterpolatedModel model() {
        RetrievalInterpolatedModel trained = model;
        if (trained == null) {
            synchronized (this) {
                trained = model;
                if (trained == null) {
                    List<TrainingText> corpus = readCorpus();
                    trained = embedded.train(corpus);
                    LOG.infof("Serving %s trained on %d pairs from %s", id(), corpus.size(), config.corpus());
                    model = trained;
                }
            }
        }
        return trained;
    }

    private List<TrainingText> readCorpus() {
        String location = config.corpus();
        String text;
        try {
            if (location.startsWith("classpath:")) {
                String resource = location.substring("classpath:".length());
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("longtail.generator.serving.corpus: no resource " + resource);
                    }
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } else {
                text = Files.readString(Path.of(location));
            }
            List<TrainingText> corpus = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = mapper.readTree(line);
                corpus.add(new TrainingText(node.path("instruction").asText(""), node.path("input").asText(""),
                        node.path("output").asText("")));
            }
            if (corpus.stream().noneMatch(t -> !t.output().isBlank())) {
                throw new IllegalStateException("longtail.generator.serving.corpus: " + location + " has no responses");
            }
            return corpus;
        } catch (IOException e) {
            throw new IllegalStateException("longtail.generator.serving.corpus: cannot read " + location, e);
        }
    }
}
