package dev.rolehop.engine.yaml;

import dev.rolehop.engine.error.Position;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Builds plain Java values from YAML 1.1 like PyYAML's safe loader, except that mappings become
 * {@link YamlMap}s carrying their file positions.
 */
final class MarkedConstructor extends SafeConstructor {

    private final String file;

    MarkedConstructor(String file, LoaderOptions options) {
        super(options);
        this.file = file;
        this.yamlConstructors.put(Tag.MAP, new ConstructMarkedMap());
        // Ansible reads timestamps as strings (its loader has no timestamp constructor).
        this.yamlConstructors.put(Tag.TIMESTAMP, this.yamlConstructors.get(Tag.STR));
    }

    Position position(Node node) {
        var mark = node.getStartMark();
        return new Position(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private final class ConstructMarkedMap extends ConstructYamlMap {
        @Override
        public Object construct(Node node) {
            MappingNode mapping = (MappingNode) node;
            YamlMap map = new YamlMap(position(node));
            if (node.isTwoStepsConstruction()) {
                return map;
            }
            fill(mapping, map);
            return map;
        }

        @Override
        public void construct2ndStep(Node node, Object object) {
            fill((MappingNode) node, (YamlMap) object);
        }

        private void fill(MappingNode mapping, YamlMap map) {
            constructMapping2ndStep(mapping, map);
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    map.recordKey(constructObject(key), position(key));
                }
            }
        }
    }
}
