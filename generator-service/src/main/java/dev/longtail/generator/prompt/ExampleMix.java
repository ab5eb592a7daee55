package dev.longtail.generator.prompt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Draws the in-context examples of one self-instruct prompt: {@code human} human-written and {@code machine}
 * machine-made instructions without replacement, shuffled together (Self-Instruct uses 6 + 2). When a pool is
 * short, the other fills the gap, so a first round with no machine seeds still shows k examples. Pure.
 */
public final class ExampleMix {

    private ExampleMix() {
    }

    public static List<String> draw(List<String> humanPool, List<String> machinePool, int human, int machine,
            RandomGenerator rng) {
        int fromMachine = Math.min(machine, machinePool.size());
        int fromHuman = Math.min(humanPool.size(), human + (machine - fromMachine));
        fromMachine = Math.min(machinePool.size(), fromMachine + (human - Math.min(human, fromHuman)));
        List<String> examples = new ArrayList<>(pick(humanPool, fromHuman, rng));
        examples.addAll(pick(machinePool, fromMachine, rng));
        Collections.shuffle(examples, asRandom(rng));
        return examples;
    }

    /** The examples as the template's {@code {{examples}}}: one numbered task per line. */
    public static String format(List<String> examples) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < examples.size(); i++) {
            out.append("Task ").append(i + 1).append(": ").append(examples.get(i).strip().replace('\n', ' ')).append('\n');
        }
        return out.toString().strip();
    }

    private static List<String> pick(List<String> pool, int count, RandomGenerator rng) {
        List<String> copy = new ArrayList<>(pool);
        // partial Fisher-Yates: the first `count` slots end up a uniform sample without replacement
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(copy.size() - i);
            Collections.swap(copy, i, j);
        }
        return copy.subList(0, count);
    }

    private static java.util.Random asRandom(RandomGenerator rng) {
        return new java.util.Random(rng.nextLong());
    }
}
