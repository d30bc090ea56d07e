package dev.rolehop.local.state;

/**
 * An IAM entity created through the API (the world file's entities are not state): a record that
 * {@link RecordCodec} writes to the state and reads back, kept by {@link IamState} under its key.
 */
public interface IamEntity {

    /** The account the entity belongs to. */
    String accountId();

    /**
     * The entity's key in the state, unique across accounts and kinds. IAM names are unique
     * without regard to case, so keys of named entities hold the lower-cased name.
     */
    String key();
}
