package dev.rolehop.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonPlaceTest {

    @TempDir
    Path directory;

    @Test
    void onlyHeldLocksCountAsRunningDaemons() throws IOException {
        DaemonPlace place = new DaemonPlace(directory);
        Files.createFile(place.lock("ended"));
        Files.createFile(place.address("ended"));
        Files.createFile(place.log("ended"));
        assertThat(place.running()).isZero();

        try (FileChannel channel =
                        FileChannel.open(place.lock("live"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                var lock = channel.lock()) {
            assertThat(place.running()).isEqualTo(1);
        }
        assertThat(place.running()).as("a released lock is an ended daemon's").isZero();
    }
}
