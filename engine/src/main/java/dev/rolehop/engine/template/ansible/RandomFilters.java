package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ansible's {@code random} and {@code shuffle} filters. With a {@code seed} they draw from
 * {@link PythonRandom}, so a seeded result is the one ansible-playbook gives; without, from a
 * generator seeded at random (Ansible's {@code SystemRandom}).
 */
final class RandomFilters {
    private RandomFilters() {}

    static List<PluginFilter> all() {
        return List.of(
                new PluginFilter("random", RandomFilters::random), new PluginFilter("shuffle", RandomFilters::shuffle));
    }

    /**
     * {@code random(end, start=None, step=None, seed=None)}: an integer of
     * {@code range(start, end, step)}, or an item of a sequence.
     */
    private static Object random(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("start", "step", "seed");
        Object start = args.get(0, "start", null);
        Object step = args.get(1, "step", null);
        PythonRandom random = generator(args.get(2, "seed", null));
        if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            long from = PythonValues.truthy(start) ? integer(start) : 0;
            long by = PythonValues.truthy(step) ? integer(step) : 1;
            return random.randrange(from, integer(value), by);
        }
        if (value instanceof CharSequence || value instanceof List<?> || value instanceof Map<?, ?>) {
            if (PythonValues.truthy(start) || PythonValues.truthy(step)) {
                throw new AnsibleFilterError("start and step can only be used with integer values");
            }
            if (value instanceof CharSequence text) {
                List<Object> characters = new ArrayList<>();
                text.codePoints().forEach(c -> characters.add(new String(Character.toChars(c))));
                return random.choice(characters);
            }
            if (value instanceof Map<?, ?> map) {
                // Python's choice indexes the dict by position: a KeyError unless the keys are those ints
                if (map.isEmpty()) {
                    throw new AnsibleFilterError("Cannot choose from an empty sequence", "IndexError");
                }
                long index = random.below(map.size());
                if (!map.containsKey(index)) {
                    throw new AnsibleFilterError(String.valueOf(index), "KeyError");
                }
                return map.get(index);
            }
            return random.choice(new ArrayList<>((List<?>) value));
        }
        throw new AnsibleFilterError("random can only be used on sequences and integers");
    }

    /** {@code shuffle(seed=None)}: the items in random order; a value that is not iterable unchanged. */
    private static Object shuffle(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("seed");
        if (!(value instanceof CharSequence || value instanceof List<?> || value instanceof Map<?, ?>)) {
            // Ansible's randomize_list swallows the error of list(value) and returns the value
            return value;
        }
        List<Object> items = new ArrayList<>(PythonValues.iterable(value));
        Object seed = args.get(0, "seed", null);
        generator(PythonValues.truthy(seed) ? seed : null).shuffle(items);
        return items;
    }

    private static PythonRandom generator(Object seed) {
        return PythonRandom.seeded(seed == null ? ThreadLocalRandom.current().nextLong() : seed);
    }

    private static long integer(Object value) {
        if (value instanceof Boolean flag) {
            return flag ? 1 : 0;
        }
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        throw AnsibleFilterError.typeError(
                "'" + PythonValues.typeName(value) + "' object cannot be interpreted as an integer");
    }
}
