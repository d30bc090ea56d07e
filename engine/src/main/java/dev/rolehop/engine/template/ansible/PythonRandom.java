package dev.rolehop.engine.template.ansible;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.core.source32.MersenneTwister;

/**
 * Python 3's {@code random.Random(seed)}: the same Mersenne Twister, seeded as CPython seeds it,
 * and the same {@code randrange}, {@code choice} and {@code shuffle}, so that a seeded
 * {@code random}, {@code shuffle} or {@code password} gives what Ansible gives.
 *
 * <p>Seeding (CPython's {@code random_seed}, version 2): a str becomes the integer of its UTF-8
 * bytes followed by their SHA-512 digest (big-endian); an int is used as its absolute value. The
 * integer's 32-bit words, least significant first, are the key of MT19937's
 * {@code init_by_array} ({@code [0]} for zero).
 */
final class PythonRandom {
    private static final BigInteger WORD = BigInteger.valueOf(0xFFFFFFFFL);

    private final MersenneTwister twister;

    private PythonRandom(int[] key) {
        this.twister = new MersenneTwister(key);
    }

    /** {@code random.Random(seed)} for a str or int seed (a bool is an int, as in Python). */
    static PythonRandom seeded(Object seed) {
        BigInteger value;
        if (seed instanceof CharSequence text) {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            byte[] digest = sha512(bytes);
            byte[] both = new byte[bytes.length + digest.length];
            System.arraycopy(bytes, 0, both, 0, bytes.length);
            System.arraycopy(digest, 0, both, bytes.length, digest.length);
            value = new BigInteger(1, both);
        } else if (seed instanceof Boolean flag) {
            value = flag ? BigInteger.ONE : BigInteger.ZERO;
        } else if (seed instanceof Number number && !(seed instanceof Double || seed instanceof Float)) {
            value = new BigInteger(number.toString()).abs();
        } else {
            throw AnsibleFilterError.typeError(
                    "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
        }
        List<Integer> words = new ArrayList<>();
        for (BigInteger rest = value; rest.signum() > 0; rest = rest.shiftRight(32)) {
            words.add(rest.and(WORD).intValue());
        }
        int[] key = words.isEmpty()
                ? new int[] {0}
                : words.stream().mapToInt(Integer::intValue).toArray();
        return new PythonRandom(key);
    }

    private static byte[] sha512(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-512", e);
        }
    }

    /** {@code getrandbits(k)} for {@code 0 < k <= 63}: 32-bit outputs, least significant word first. */
    private long bits(int k) {
        if (k <= 32) {
            return Integer.toUnsignedLong(twister.nextInt()) >>> (32 - k);
        }
        long low = Integer.toUnsignedLong(twister.nextInt());
        long high = Integer.toUnsignedLong(twister.nextInt()) >>> (64 - k);
        return (high << 32) | low;
    }

    /** {@code _randbelow(n)}: a uniform integer in {@code [0, n)} for {@code n > 0}, by rejection as CPython does. */
    long below(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("below(" + n + "): the bound must be positive");
        }
        int k = 64 - Long.numberOfLeadingZeros(n);
        long r = bits(k);
        while (r >= n) {
            r = bits(k);
        }
        return r;
    }

    /** {@code randrange(start, stop, step)}, with Python's messages for an empty or zero-step range. */
    long randrange(long start, long stop, long step) {
        long width = stop - start;
        if (step == 1) {
            if (width > 0) {
                return start + below(width);
            }
            throw new AnsibleFilterError(
                    "empty range for randrange() (" + start + ", " + stop + ", " + width + ")", "ValueError");
        }
        long n;
        if (step > 0) {
            n = Math.floorDiv(width + step - 1, step);
        } else if (step < 0) {
            n = Math.floorDiv(width + step + 1, step);
        } else {
            throw new AnsibleFilterError("zero step for randrange()", "ValueError");
        }
        if (n <= 0) {
            throw new AnsibleFilterError("empty range for randrange()", "ValueError");
        }
        return start + step * below(n);
    }

    /** {@code choice(seq)}. */
    <T> T choice(List<T> items) {
        if (items.isEmpty()) {
            throw new AnsibleFilterError("Cannot choose from an empty sequence", "IndexError");
        }
        return items.get((int) below(items.size()));
    }

    /** {@code shuffle(x)}: Fisher-Yates from the end, in place. */
    void shuffle(List<Object> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = (int) below(i + 1L);
            Object swap = items.get(i);
            items.set(i, items.get(j));
            items.set(j, swap);
        }
    }
}
