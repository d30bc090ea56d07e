package dev.rolehop.engine.playbook;

import java.nio.file.Path;
import java.util.List;

/**
 * A playbook file and its plays, with those of {@code import_playbook} spliced in order.
 *
 * @param file  the playbook as given on the command line
 * @param plays every play, in order
 */
public record Playbook(Path file, List<Play> plays) {

    public Playbook {
        plays = List.copyOf(plays);
    }
}
