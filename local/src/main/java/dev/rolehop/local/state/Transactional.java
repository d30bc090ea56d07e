package dev.rolehop.local.state;

import java.util.List;
import java.util.Map;

/**
 * A part of the state that {@link WorldState} changes in transactions: it records its changes as
 * journal operations and can undo them. Only WorldState calls these, under its lock.
 */
interface Transactional {

    /** Starts recording changes so they can be rolled back. */
    void begin();

    /** The changes of the open transaction, as journal operations, oldest first. */
    List<Map<String, Object>> changes();

    /** Keeps the changes since {@link #begin}. */
    void commit();

    /** Undoes every change since {@link #begin}. */
    void rollback();
}
