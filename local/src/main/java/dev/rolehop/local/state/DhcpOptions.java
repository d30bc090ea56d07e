package dev.rolehop.local.state;

import java.util.List;
import java.util.Objects;

/** A DHCP options set: its configurations in the order given ({@code domain-name-servers}, ...). */
public record DhcpOptions(String id, String ownerId, List<Configuration> configurations) implements Ec2Resource {

    /** One option and its values. */
    public record Configuration(String key, List<String> values) {

        public Configuration {
            Objects.requireNonNull(key, "key");
            values = List.copyOf(values);
        }
    }

    public DhcpOptions {
        Objects.requireNonNull(id, "id");
        configurations = List.copyOf(configurations);
    }
}
