package dev.longtail.generator.admin;

import dev.longtail.generator.GeneratorConfig;
import dev.longtail.support.admin.InvalidSettingException;
import dev.longtail.support.admin.TypedTunables;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Self-Instruct's example mix ({@code longtail.generator.self-instruct.*}) as runtime settings: how many human and
 * machine-written instructions each self-instruct prompt shows (at least one of them, each 0 to 20).
 */
@Singleton // not a client proxy: TypedTunables has no no-args constructor
public class ExampleMixTunables extends TypedTunables<ExampleMixTunables.Mix> {

    /** How many examples of each kind a self-instruct prompt shows. */
    public record Mix(int humanExamples, int machineExamples) {
    }

    static final String HUMAN = "selfInstruct.humanExamples";
    static final String MACHINE = "selfInstruct.machineExamples";
    private static final int MAX_EXAMPLES = 20;

    public ExampleMixTunables(GeneratorConfig config) {
        super(new Mix(config.selfInstruct().humanExamples(), config.selfInstruct().machineExamples()));
    }

    @Override
    public Map<String, Object> startupValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(HUMAN, startup().humanExamples());
        values.put(MACHINE, startup().machineExamples());
        return values;
    }

    @Override
    protected Mix parse(Map<String, Object> values) {
        int human = count(HUMAN, values.get(HUMAN));
        int machine = count(MACHINE, values.get(MACHINE));
        if (human + machine == 0) {
            throw new InvalidSettingException(HUMAN, "and " + MACHINE + " cannot both be 0");
        }
        return new Mix(human, machine);
    }

    private static int count(String key, Object value) {
        long n = InvalidSettingException.whole(key, value);
        if (n < 0 || n > MAX_EXAMPLES) {
            throw new InvalidSettingException(key, "must be in [0, " + MAX_EXAMPLES + "], was " + n);
        }
        return (int) n;
    }
}
