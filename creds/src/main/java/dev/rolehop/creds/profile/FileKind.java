package dev.rolehop.creds.profile;

/** Which of the two shared files a text comes from: their section headers differ. */
public enum FileKind {
    /** {@code ~/.aws/config}: {@code [default]}, {@code [profile name]}, {@code [sso-session name]}, {@code [services name]}. */
    CONFIG,
    /** {@code ~/.aws/credentials}: {@code [name]}. */
    CREDENTIALS
}
