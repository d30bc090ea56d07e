package dev.rolehop.engine.executor;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Replaces every registered secret with a mask in text about to be shown. Longest secrets are
 * replaced first so that a secret containing another is masked whole.
 */
public final class SecretMasker {

    /** What a secret is replaced with, as Ansible's no_log censoring says. */
    public static final String MASK = "********";

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    /** Registers a secret; values shorter than 4 characters are ignored (they would mask ordinary text). */
    public void add(String secret) {
        if (secret == null || secret.length() < 4 || secrets.contains(secret)) {
            return;
        }
        secrets.add(secret);
        secrets.sort(Comparator.comparingInt(String::length).reversed());
    }

    public String mask(String text) {
        if (secrets.isEmpty() || text == null) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }
}
