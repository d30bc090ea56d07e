package dev.rolehop.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --world FILE} option of the commands that read a local world without serving it. */
final class WorldFileOption {

    @Option(
            names = "--world",
            defaultValue = "world.yml",
            paramLabel = "FILE",
            description = "The world file (default: ${DEFAULT-VALUE}).")
    Path world;
}
