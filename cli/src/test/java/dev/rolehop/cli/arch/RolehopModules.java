package dev.rolehop.cli.arch;

import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.LocationProvider;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The class path entries of rolehop's own modules (their {@code target/classes} folders, or their
 * jars in a reactor build that packaged them): the architecture tests import those alone rather
 * than search all sixty jars of the class path for {@code dev.rolehop}.
 */
final class RolehopModules implements LocationProvider {

    @Override
    public Set<Location> get(Class<?> testClass) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(RolehopModules::isModule)
                .map(RolehopModules::location)
                .collect(Collectors.toSet());
    }

    /** A folder as it is, a jar as the root of its entries (a plain file URI would import nothing). */
    private static Location location(Path entry) {
        return entry.toString().endsWith(".jar")
                ? Location.of(URI.create("jar:" + entry.toUri() + "!/"))
                : Location.of(entry);
    }

    private static boolean isModule(Path entry) {
        String name = entry.getFileName().toString();
        boolean built = entry.getParent() != null
                && entry.getParent().getFileName().toString().equals("target");
        return built && (name.equals("classes") || name.matches("rolehop-[a-z]+-.*\\.jar"));
    }
}
