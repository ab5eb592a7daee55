package dev.longtail.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The demo's experiment: which arms run, over which random seeds, for how long; and the body {@code demo} posts
 * to the evolver's {@code POST /api/v1/experiments}. The arms' definitions live here and nowhere else.
 */
record DemoExperiment(int generations, int samplesPerGeneration, List<Long> randomSeeds, List<Arm> arms) {

    static final String NAME = "demo";
    static final String SEED_SET = "demo";
    /** The evolver refuses more than 5 random seeds; checked here too, before the stack starts. */
    static final int MAX_SEEDS = 5;

    /** One arm: a name the evolver accepts ({@code [a-z0-9-]{1,40}}), what it stands for, its campaign settings. */
    record Arm(String name, String role, Map<String, Object> settings) {

        Arm {
            settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        }

        boolean feedback() {
            return Boolean.TRUE.equals(settings.get("feedback"));
        }

        /** The settings in words, e.g. {@code anchor policy ratio, anchor ratio 0.1, feedback off}. */
        String describe() {
            List<String> parts = new ArrayList<>();
            settings.forEach((field, value) -> parts.add(switch (field) {
                case "anchorPolicy" -> "anchor policy " + value;
                case "anchorRatio" -> "anchor ratio " + value;
                case "feedback" -> "feedback " + (Boolean.TRUE.equals(value) ? "on" : "off");
                case "carryOver" -> "carry-over " + value;
                case "candidateFactor" -> "candidates " + value + " per kept record";
                case "topP" -> "top-p " + value;
                default -> field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT) + " " + value;
            }));
            return String.join(", ", parts);
        }
    }

    /** Every arm the demo knows, in the order it runs and reports them; the first is the control. */
    static final List<Arm> ARMS = List.of(
            new Arm("control", "the loop with nothing holding it: each version is samples only, no feedback",
                    settings("anchorPolicy", "replace", "feedback", false)),
            new Arm("common-practice", "what is usually done: 10 % real records mixed in at random, no feedback",
                    settings("anchorPolicy", "ratio", "anchorRatio", 0.1, "feedback", false)),
            new Arm("longtail", "Longtail's arm, the collapse benchmark's policy: tail-preserving selection with"
                    + " real anchors chosen for what the samples lack, 60 % of the synthetic budget carried over,"
                    + " 3 candidates per kept record, plain sampling, the evaluator's feedback applied",
                    settings("anchorPolicy", "tail-preserving", "anchorRatio", 0.1, "carryOver", 0.6,
                            "candidateFactor", 3, "temperature", 1.0, "topP", 1.0, "feedback", true)));

    static final String DEFAULT_ARMS = ARMS.stream().map(Arm::name).collect(Collectors.joining(","));

    DemoExperiment {
        randomSeeds = List.copyOf(randomSeeds);
        arms = List.copyOf(arms);
    }

    /** From {@code --generations 5 --samples 120 --seed 42 --seeds 3 --arms control,common-practice,longtail}. */
    static DemoExperiment from(CliArguments args) {
        int generations = args.positiveInt("generations", 5);
        int samples = args.positiveInt("samples", 120);
        long firstSeed = args.longValue("seed", 42);
        int seeds = args.positiveInt("seeds", 3);
        if (seeds > MAX_SEEDS) {
            throw new IllegalArgumentException("--seeds must be at most " + MAX_SEEDS + ", was " + seeds);
        }
        List<Long> randomSeeds = LongStream.range(0, seeds).map(i -> firstSeed + i).boxed().toList();
        return new DemoExperiment(generations, samples, randomSeeds, arms(args.text("arms", DEFAULT_ARMS)));
    }

    /** The arms named in {@code --arms}, in the order of {@link #ARMS} whatever the order given. */
    static List<Arm> arms(String names) {
        var wanted = new LinkedHashSet<String>();
        for (String name : names.split(",", -1)) {
            String trimmed = name.trim();
            if (ARMS.stream().noneMatch(arm -> arm.name().equals(trimmed))) {
                throw new IllegalArgumentException(
                        "--arms: unknown arm '" + trimmed + "'; the arms are " + DEFAULT_ARMS);
            }
            if (!wanted.add(trimmed)) {
                throw new IllegalArgumentException("--arms names " + trimmed + " twice");
            }
        }
        return ARMS.stream().filter(arm -> wanted.contains(arm.name())).toList();
    }

    long firstSeed() {
        return randomSeeds.get(0);
    }

    int campaigns() {
        return arms.size() * randomSeeds.size();
    }

    /** The body of {@code POST /api/v1/experiments}: one campaign per arm and random seed, on the demo seed set. */
    Map<String, Object> requestBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", NAME);
        body.put("seedSetId", SEED_SET);
        body.put("generations", generations);
        body.put("samplesPerGeneration", samplesPerGeneration);
        body.put("randomSeeds", randomSeeds);
        List<Map<String, Object>> armBodies = new ArrayList<>();
        for (Arm arm : arms) {
            Map<String, Object> armBody = new LinkedHashMap<>();
            armBody.put("name", arm.name());
            armBody.putAll(arm.settings());
            armBodies.add(armBody);
        }
        body.put("arms", armBodies);
        return body;
    }

    private static Map<String, Object> settings(Object... fieldsAndValues) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            settings.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return settings;
    }
}
