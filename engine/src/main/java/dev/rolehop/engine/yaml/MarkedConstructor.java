package dev.rolehop.engine.yaml;

import dev.rolehop.engine.error.Position;
import dev.rolehop.engine.vault.EncryptedString;
import dev.rolehop.engine.vault.Vault;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Builds plain Java values from YAML 1.1 like PyYAML's safe loader, except that mappings become
 * {@link YamlMap}s carrying their file positions and {@code !vault} scalars become
 * {@link EncryptedString}s, decrypted with the run's vault when used.
 */
final class MarkedConstructor extends SafeConstructor {

    private final String file;

    private static final Tag VAULT = new Tag("!vault");

    MarkedConstructor(String file, LoaderOptions options, Vault vault) {
        super(options);
        this.file = file;
        this.yamlConstructors.put(VAULT, new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
                return new EncryptedString(constructScalar((ScalarNode) node), vault);
            }
        });
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
