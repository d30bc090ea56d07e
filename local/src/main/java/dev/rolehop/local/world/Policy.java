package dev.rolehop.local.world;

import dev.rolehop.local.policy.PolicyDocument;
import java.util.Objects;

/** A named inline permission policy of a user or role. */
public record Policy(String name, PolicyDocument document) {

    public Policy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(document, "document");
    }
}
