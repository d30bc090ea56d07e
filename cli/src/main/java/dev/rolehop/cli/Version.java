package dev.rolehop.cli;

import picocli.CommandLine;

/** The version printed by {@code rolehop --version}: the jar's Implementation-Version. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"rolehop " + (version == null ? "(development build)" : version)};
    }
}
