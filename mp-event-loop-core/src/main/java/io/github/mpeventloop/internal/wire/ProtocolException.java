package io.github.mpeventloop.internal.wire;

import java.io.IOException;

/**
 * The bytes on a channel do not follow the protocol: a bad length, a truncated or unparseable
 * frame, an unexpected frame type, a failed handshake. The channel cannot be trusted after it.
 */
public class ProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
