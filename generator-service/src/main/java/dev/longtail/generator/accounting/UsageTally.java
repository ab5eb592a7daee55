package dev.longtail.generator.accounting;

import java.util.LinkedHashMap;
import java.util.Map;

/** Tokens, requests and cost of one batch per (backend, model), summed before one write to the ledger. */
public final class UsageTally {

    /** What one (backend, model) used. */
    public static final class Line {
        public long requests;
        public long failedRequests;
        public long promptTokens;
        public long completionTokens;
        public double costUsd;
    }

    private final Map<String, Line> lines = new LinkedHashMap<>();

    public synchronized void add(String backend, String model, boolean failed, long promptTokens,
            long completionTokens, double promptPerMillion, double completionPerMillion) {
        Line line = lines.computeIfAbsent(backend + "\u0000" + model, k -> new Line());
        line.requests++;
        line.failedRequests += failed ? 1 : 0;
        line.promptTokens += promptTokens;
        line.completionTokens += completionTokens;
        line.costUsd += promptTokens * promptPerMillion / 1e6 + completionTokens * completionPerMillion / 1e6;
    }

    /** Lines keyed by backend and model ({@code backend\0model}). */
    public synchronized Map<String, Line> lines() {
        return Map.copyOf(lines);
    }

    /** Every line, for a log message. */
    public synchronized String describe() {
        StringBuilder text = new StringBuilder();
        lines.forEach((key, line) -> text.append(text.isEmpty() ? "" : "; ").append(key.replace('\u0000', '/'))
                .append(" requests=").append(line.requests).append(" failedRequests=").append(line.failedRequests)
                .append(" promptTokens=").append(line.promptTokens).append(" completionTokens=")
                .append(line.completionTokens).append(" costUsd=").append(line.costUsd));
        return text.toString();
    }

    public synchronized boolean isEmpty() {
        return lines.isEmpty();
    }
}
