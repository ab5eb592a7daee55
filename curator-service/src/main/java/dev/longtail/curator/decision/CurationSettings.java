package dev.longtail.curator.decision;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.core.curation.CurationConfig;
import dev.longtail.curator.CuratorConfig;
import dev.longtail.support.StrictJsonRequests;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The filter chain's thresholds as they stand now: start-up values from {@link CuratorConfig}, changed at run time by
 * the runtime configuration ({@code /admin/config}, {@code /admin/curation/thresholds}, stored in the database for
 * every replica). A change is validated as a whole and swapped in atomically, so a bad value changes nothing.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // a bad start-up value (e.g. selection.keep-share 0) fails the start, not the first sample
public class CurationSettings {

    /**
     * The runtime view: the chain's configuration, the loop's stage switches, and the share of a generation's
     * accepted tokens that a version sealed under the tail-preserving policy keeps.
     */
    public record Thresholds(CurationConfig filters, boolean semanticInLoop, boolean instructionNoveltyInLoop,
            double selectionKeepShare) {

        /** Validates the keep share (the chain validates itself). */
        public Thresholds {
            if (!(selectionKeepShare > 0 && selectionKeepShare <= 1)) {
                throw new IllegalArgumentException(SELECTION_KEEP_SHARE + " must be in (0, 1], was " + selectionKeepShare);
            }
        }
    }

    static final String SEMANTIC_IN_LOOP = "semanticInLoop";
    static final String INSTRUCTION_NOVELTY_IN_LOOP = "instructionNoveltyInLoop";
    static final String SELECTION_KEEP_SHARE = "selectionKeepShare";

    private final AtomicReference<Thresholds> current;
    private final Thresholds startup;
    private final ObjectMapper mapper;
    private final ObjectMapper strictMapper;

    public CurationSettings(CuratorConfig config, ObjectMapper mapper) {
        this.mapper = mapper;
        this.strictMapper = StrictJsonRequests.strict(mapper);
        this.startup = new Thresholds(config.curationConfig(), config.semantic().loopEnabled(),
                config.filters().instructionNoveltyInLoop(), config.selection().keepShare());
        this.current = new AtomicReference<>(startup);
    }

    public Thresholds current() {
        return current.get();
    }

    /** The current values as one flat JSON object: the chain's fields plus the loop switches. */
    public Map<String, Object> view() {
        return view(current.get());
    }

    /** The start-up values (from {@link CuratorConfig}), as {@link #view()} names them. */
    public Map<String, Object> startupView() {
        return view(startup);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> view(Thresholds t) {
        Map<String, Object> view = new LinkedHashMap<>(mapper.convertValue(t.filters(), Map.class));
        view.put(SEMANTIC_IN_LOOP, t.semanticInLoop());
        view.put(INSTRUCTION_NOVELTY_IN_LOOP, t.instructionNoveltyInLoop());
        view.put(SELECTION_KEEP_SHARE, t.selectionKeepShare());
        return view;
    }

    /**
     * Validates a complete set of values (as {@link #view()} names them): unknown fields, wrong types and invalid
     * values throw {@link IllegalArgumentException} with the reason. Changes nothing.
     */
    public Thresholds parse(Map<String, Object> values) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        TreeSet<String> unknown = new TreeSet<>(merged.keySet());
        unknown.removeAll(view().keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown thresholds " + unknown + "; known: " + new TreeSet<>(view().keySet()));
        }
        Object semantic = merged.remove(SEMANTIC_IN_LOOP);
        Object novelty = merged.remove(INSTRUCTION_NOVELTY_IN_LOOP);
        if (!(semantic instanceof Boolean) || !(novelty instanceof Boolean)) {
            throw new IllegalArgumentException(SEMANTIC_IN_LOOP + " and " + INSTRUCTION_NOVELTY_IN_LOOP + " must be true or false");
        }
        if (!(merged.remove(SELECTION_KEEP_SHARE) instanceof Number keepShare)) {
            throw new IllegalArgumentException(SELECTION_KEEP_SHARE + " must be a number in (0, 1]");
        }
        CurationConfig filters;
        try {
            // strict: a threshold of the wrong JSON type (31 for a switch, "0.8" for a number) is refused, not converted
            filters = strictMapper.convertValue(merged, CurationConfig.class);
        } catch (IllegalArgumentException e) {
            Throwable cause = e;
            String field = null;
            while (cause.getCause() != null) {
                cause = cause.getCause();
                if (field == null && cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                    field = mapping.getPath().get(0).getFieldName();
                }
            }
            String message = cause == e ? e.getMessage() : cause.getMessage();
            throw new IllegalArgumentException(field == null ? message : field + ": " + message, e);
        }
        return new Thresholds(filters, (Boolean) semantic, (Boolean) novelty, keepShare.doubleValue());
    }

    /** Puts validated thresholds in force; the previous ones are returned. */
    public Thresholds set(Thresholds next) {
        return current.getAndSet(next);
    }

    /** The chain for a campaign sample: the plan's policy over the current thresholds, the loop's switches applied. */
    public CurationConfig forLoop(GenerationPlan plan) {
        Thresholds t = current.get();
        var policy = plan.curation();
        return t.filters().toBuilder()
                .nearDuplicateThreshold(policy.nearDuplicateThreshold())
                .minWords(policy.minWords()).maxWords(policy.maxWords())
                .semanticEnabled(t.semanticInLoop())
                .instructionNoveltyEnabled(t.filters().instructionNoveltyEnabled() && t.instructionNoveltyInLoop())
                .build();
    }

    /** The chain for an API request; {@code semantic} (may be null) switches the semantic stage for this request. */
    public CurationConfig forApi(Boolean semantic) {
        CurationConfig filters = current.get().filters();
        return semantic == null ? filters : filters.toBuilder().semanticEnabled(semantic).build();
    }
}
