package dev.rolehop.local.policy;

import java.util.List;

/** An IAM policy document: its statements, as written in the world file. */
public record PolicyDocument(List<Statement> statements) {

    public PolicyDocument {
        statements = List.copyOf(statements);
    }
}
