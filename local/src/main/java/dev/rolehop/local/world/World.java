package dev.rolehop.local.world;

import java.util.List;
import java.util.Optional;

/**
 * The fixed part of a local AWS: accounts with their users, keys, MFA devices, roles and instances,
 * the accounts' OpenID Connect providers, optionally an IAM Identity Center instance, AMIs and how
 * long instance state changes take.
 *
 * @param identityCenter the Identity Center instance, or null when the world has none
 */
public record World(
        List<Account> accounts,
        List<OidcProvider> oidcProviders,
        IdentityCenter identityCenter,
        List<SeedImage> images,
        InstanceTiming instanceTiming) {

    public World {
        accounts = List.copyOf(accounts);
        oidcProviders = List.copyOf(oidcProviders);
        images = List.copyOf(images);
    }

    /** A world without images, with the default instance timing. */
    public World(List<Account> accounts, List<OidcProvider> oidcProviders, IdentityCenter identityCenter) {
        this(accounts, oidcProviders, identityCenter, List.of(), InstanceTiming.DEFAULT);
    }

    /** The OIDC provider of an account with this issuer URL (a token's {@code iss}). */
    public Optional<OidcProvider> oidcProvider(String accountId, String url) {
        return oidcProviders.stream()
                .filter(p -> p.accountId().equals(accountId) && p.url().equals(url))
                .findFirst();
    }

    /** A world of these accounts alone: no OIDC providers, no Identity Center, no images. */
    public World(List<Account> accounts) {
        this(accounts, List.of(), null);
    }

    /** The account with this 12-digit id. */
    public Optional<Account> account(String id) {
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** The user owning a long-term access key id. */
    public Optional<User> userByAccessKey(String accessKeyId) {
        return users().filter(u -> u.accessKeys().stream().anyMatch(k -> k.id().equals(accessKeyId)))
                .findFirst();
    }

    /** The long-term access key with this id. */
    public Optional<AccessKey> accessKey(String accessKeyId) {
        return users().flatMap(u -> u.accessKeys().stream())
                .filter(k -> k.id().equals(accessKeyId))
                .findFirst();
    }

    /** The virtual MFA device with this serial ARN. */
    public Optional<MfaDevice> mfaDevice(String serial) {
        return users().flatMap(u -> u.mfaDevices().stream())
                .filter(d -> d.serial().equals(serial))
                .findFirst();
    }

    /** The role with this ARN ({@code arn:aws:iam::ACCOUNT:role/NAME}). */
    public Optional<Role> roleByArn(String arn) {
        return accounts.stream()
                .flatMap(a -> a.roles().stream())
                .filter(r -> r.arn().equals(arn))
                .findFirst();
    }

    private java.util.stream.Stream<User> users() {
        return accounts.stream().flatMap(a -> a.users().stream());
    }
}
