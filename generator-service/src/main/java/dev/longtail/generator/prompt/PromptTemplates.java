package dev.longtail.generator.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.longtail.generator.GeneratorConfig;

/**
 * The bundled prompt templates, {@code templates/<mode>/v<n>.prompt} on the classpath, loaded once at start:
 * versions are immutable once released, a change is a new version.
 */
@ApplicationScoped
public class PromptTemplates {

    private final Map<GenerationMode, List<PromptTemplate>> byMode = new EnumMap<>(GenerationMode.class);
    private final Map<GenerationMode, Optional<Integer>> configured = new EnumMap<>(GenerationMode.class);

    public PromptTemplates(GeneratorConfig config) {
        for (GenerationMode mode : GenerationMode.values()) {
            byMode.put(mode, load(mode));
        }
        configured.put(GenerationMode.RESPONSE, config.templates().responseVersion());
        configured.put(GenerationMode.SELF_INSTRUCT, config.templates().selfInstructVersion());
        configured.put(GenerationMode.REPHRASE, config.templates().rephraseVersion());
        configured.forEach((mode, version) -> version.ifPresent(v -> {
            if (find(mode, v).isEmpty()) {
                throw new IllegalStateException("longtail.generator.templates: no template " + mode.templateName() + "/v" + v);
            }
        }));
    }

    /** Every version of every mode. */
    public List<PromptTemplate> all() {
        List<PromptTemplate> all = new ArrayList<>();
        byMode.values().forEach(all::addAll);
        return all;
    }

    /** A given version, if bundled. */
    public Optional<PromptTemplate> find(GenerationMode mode, int version) {
        return byMode.get(mode).stream().filter(t -> t.version() == version).findFirst();
    }

    /** The version used when none is asked for: the configured one, else the newest. */
    public PromptTemplate current(GenerationMode mode) {
        List<PromptTemplate> versions = byMode.get(mode);
        return configured.get(mode).flatMap(v -> find(mode, v)).orElse(versions.get(versions.size() - 1));
    }

    /** The asked version, or the current one when {@code version} is null. */
    public Optional<PromptTemplate> resolve(GenerationMode mode, Integer version) {
        return version == null ? Optional.of(current(mode)) : find(mode, version);
    }

    private static List<PromptTemplate> load(GenerationMode mode) {
        List<PromptTemplate> versions = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (int version = 1;; version++) {
            String path = "templates/" + mode.templateName() + "/v" + version + ".prompt";
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    break;
                }
                versions.add(PromptTemplate.parse(mode, version, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + path, e);
            }
        }
        if (versions.isEmpty()) {
            throw new IllegalStateException("no template for mode " + mode.templateName());
        }
        return List.copyOf(versions);
    }
}
