package io.github.mpeventloop.internal.launch;

import java.security.SecureRandom;
import java.util.HexFormat;

/** One-time secrets a worker must present in its hello. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
