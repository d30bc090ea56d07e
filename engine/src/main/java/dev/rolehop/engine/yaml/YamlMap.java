package dev.rolehop.engine.yaml;

import dev.rolehop.engine.error.Position;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A YAML mapping that remembers where it and each of its keys were written, so errors can name
 * the file, line and column. Behaves as an ordinary insertion-ordered map everywhere else.
 */
public final class YamlMap extends LinkedHashMap<Object, Object> {

    private static final long serialVersionUID = 1L;

    private final Position position;
    private final Map<Object, Position> keyPositions = new HashMap<>();

    public YamlMap(Position position) {
        this.position = position;
    }

    /** Where the mapping starts. */
    public Position position() {
        return position;
    }

    /** Where the given key was written, or the mapping's own position when unknown. */
    public Position positionOf(Object key) {
        return keyPositions.getOrDefault(key, position);
    }

    void recordKey(Object key, Position keyPosition) {
        keyPositions.put(key, keyPosition);
    }

    /** The position of a value if it is a mapping read from YAML, else the fallback. */
    public static Position positionOf(Object value, Position fallback) {
        return value instanceof YamlMap map ? map.position() : fallback;
    }
}
