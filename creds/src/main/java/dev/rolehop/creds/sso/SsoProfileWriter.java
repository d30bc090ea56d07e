package dev.rolehop.creds.sso;

import dev.rolehop.creds.cache.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Writes a profile for each account and role a sign-in reaches into the config file, as
 * {@code aws configure sso} writes one: {@code [profile ACCOUNTNAME-ROLE]} with the sso-session (or,
 * for a legacy sign-in, {@code sso_start_url} and {@code sso_region}), {@code sso_account_id},
 * {@code sso_role_name} and {@code region}. Profiles that exist already are kept as they are; the
 * new ones are appended, the file replaced atomically with its mode kept.
 */
public final class SsoProfileWriter {

    /** A profile for an account and role, and whether it was written (false: the name existed). */
    public record Written(String profile, String accountId, String role, boolean written) {}

    private SsoProfileWriter() {}

    /** The profile name for a role in an account: {@code <account name>-<role>}, characters a profile name allows. */
    public static String profileName(SsoPortal.AccountRoles account, String role) {
        String accountName =
                account.accountName() == null || account.accountName().isBlank()
                        ? account.accountId()
                        : account.accountName();
        return (accountName + "-" + role).replaceAll("[^A-Za-z0-9_.@+=,-]", "-");
    }

    /**
     * Appends the profiles missing from {@code config} (the file's path; {@code existing} are its
     * profile names) and reports each.
     *
     * @param region the region written into each profile
     */
    public static List<Written> write(
            Path config,
            Collection<String> existing,
            SsoConfig sso,
            List<SsoPortal.AccountRoles> reachable,
            String region)
            throws IOException {
        List<Written> report = new ArrayList<>();
        StringBuilder sections = new StringBuilder();
        for (SsoPortal.AccountRoles account : reachable) {
            for (String role : account.roles()) {
                String name = profileName(account, role);
                boolean fresh = !existing.contains(name)
                        && report.stream().noneMatch(w -> w.profile().equals(name));
                report.add(new Written(name, account.accountId(), role, fresh));
                if (fresh) {
                    sections.append("\n[profile ").append(name).append("]\n");
                    if (sso.sessionName() != null) {
                        sections.append("sso_session = ")
                                .append(sso.sessionName())
                                .append('\n');
                    } else {
                        sections.append("sso_start_url = ")
                                .append(sso.startUrl())
                                .append('\n');
                        sections.append("sso_region = ").append(sso.region()).append('\n');
                    }
                    sections.append("sso_account_id = ")
                            .append(account.accountId())
                            .append('\n');
                    sections.append("sso_role_name = ").append(role).append('\n');
                    sections.append("region = ").append(region).append('\n');
                }
            }
        }
        if (sections.length() > 0) {
            append(config, sections.toString());
        }
        return report;
    }

    private static void append(Path file, String sections) throws IOException {
        // A config file kept elsewhere behind a symbolic link (dotfiles) is written where it lives.
        Path config = Files.isSymbolicLink(file) ? file.toRealPath() : file;
        String text;
        Set<PosixFilePermission> mode;
        try {
            text = Files.readString(config, StandardCharsets.UTF_8);
            mode = Files.getPosixFilePermissions(config);
        } catch (NoSuchFileException e) {
            Files.createDirectories(config.toAbsolutePath().getParent());
            text = "";
            mode = AtomicFile.PRIVATE;
        }
        if (!text.isEmpty() && !text.endsWith("\n")) {
            text += "\n";
        }
        String joined = text.isEmpty() ? sections.substring(1) : text + sections;
        AtomicFile.write(config, joined.getBytes(StandardCharsets.UTF_8), mode);
    }
}
