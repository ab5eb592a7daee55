package dev.longtail.core.experiment;

import java.util.Map;
import java.util.TreeMap;

/**
 * One campaign of an experiment (one arm run with one random seed): its reference (generation 0; null while the
 * evaluator has not measured it) and the generations measured so far, by number.
 */
public record CampaignMeasurements(long randomSeed, Measurement reference, Map<Integer, Measurement> generations) {

    /** Keeps the generations in order, so that everything computed from them is too. */
    public CampaignMeasurements {
        generations = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(generations));
    }
}
