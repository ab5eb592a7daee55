package dev.longtail.core.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whole-line selection for a caller that has already filtered its candidates (the curator seals a version from
 * its accepted samples): the same objective, strata, carry-over cap and tail anchors as
 * {@link TailPreservingCuration#curate}, lines as units, a line that copies a reference line set aside.
 */
final class LineSelector {

    private final ReferenceProfile profile;
    private final StratifiedGreedy greedy;
    private final SelectionSettings settings;

    LineSelector(ReferenceProfile profile, StratifiedGreedy greedy, SelectionSettings settings) {
        this.profile = profile;
        this.greedy = greedy;
        this.settings = settings;
    }

    /** See {@link TailPreservingCuration#selectLines}. */
    LineSelection select(List<List<String>> fresh, List<List<String>> carried, long tokenBudget, double maxRealShare) {
        if (tokenBudget < 0) {
            throw new IllegalArgumentException("tokenBudget must be >= 0, was " + tokenBudget);
        }
        if (!(maxRealShare >= 0 && maxRealShare < 1)) {
            throw new IllegalArgumentException("maxRealShare must be in [0, 1), was " + maxRealShare);
        }
        List<List<String>> units = new ArrayList<>(fresh.size() + carried.size());
        units.addAll(fresh);
        units.addAll(carried);
        long[][] keys = new long[units.size()][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = profile.keys(units.get(i));
        }
        long anchorCap = (long) Math.floor(maxRealShare * tokenBudget);
        long syntheticBudget = tokenBudget - anchorCap;
        double scale = Math.max(1, tokenBudget) / (double) profile.tokens();
        LongIntMap selected = new LongIntMap(1 << 12);
        long carriedCap = (long) Math.floor(settings.maxCarriedShare() * syntheticBudget);
        StratifiedGreedy.Choice choice = greedy.fill(units, keys, syntheticBudget, selected, scale,
                profile.lineStrata(), fresh.size(), carriedCap, u -> profile.copies().copiesReference(units.get(u)));
        int[] chosen = choice.chosen();
        Arrays.sort(chosen);
        long syntheticTokens = 0;
        int freshCount = 0;
        for (int u : chosen) {
            syntheticTokens += units.get(u).size();
            if (u < fresh.size()) {
                freshCount++;
            }
        }
        int[] chosenFresh = Arrays.copyOf(chosen, freshCount);
        int[] chosenCarried = Arrays.stream(chosen, freshCount, chosen.length).map(u -> u - fresh.size()).toArray();
        long anchorBudget = StratifiedGreedy.anchorBudget(anchorCap, maxRealShare, syntheticTokens);
        int[] anchors = anchorBudget > 0 ? greedy.anchors(false, anchorBudget, selected, scale) : new int[0];
        Arrays.sort(anchors);
        long anchorTokens = 0;
        for (int a : anchors) {
            anchorTokens += profile.lines().get(a).size();
        }
        Map<String, Integer> rejections = new TreeMap<>();
        if (choice.setAside() > 0) {
            rejections.put(TailPreservingCuration.COPIES_REFERENCE, choice.setAside());
        }
        int notSelected = units.size() - chosen.length - choice.setAside();
        if (notSelected > 0) {
            rejections.put(TailPreservingCuration.NOT_SELECTED, notSelected);
        }
        return new LineSelection(chosenFresh, chosenCarried, anchors, syntheticTokens, anchorTokens, rejections);
    }
}
