package io.github.mpeventloop.internal.launch;

import java.security.SecureRandom;
import java.util.HexFormat;

/** One-time secrets a worker must present in its hello. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** A fresh secret of 32 random bytes, in hex. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
