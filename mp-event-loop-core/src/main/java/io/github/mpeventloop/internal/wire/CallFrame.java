package io.github.mpeventloop.internal.wire;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;

/**
 * The bytes of a {@code call} frame, with the parser that read its header on the worker's reading
 * thread, left at the first member of the body: the worker's call decoder reads on from there
 * instead of parsing the frame a second time from its start (a parser made and the header read
 * again were a fifth of the worker's reading thread on a stream of small events). The parser is
 * handed out once; a call read again (on a deeper stack) gets a new one. A call that is never read
 * (dropped before it ran) leaves its parser unclosed: it holds no resource but memory.
 */
public final class CallFrame {

    /** The members of a call's body; the header is every member before the first of them. */
    static final Set<String> BODY_MEMBERS = Set.of("target", "values", "batch", "event", "fields", "object",
            "class", "replace", "refs", "vars", "storeResult", "mirror", "init", "bean");

    private final byte[] bytes;
    private final AtomicReference<@Nullable JsonParser> atBody;

    CallFrame(byte[] bytes, @Nullable JsonParser atBody) {
        this.bytes = bytes;
        this.atBody = new AtomicReference<>(atBody);
    }

    /** The frame's bytes, from its opening brace; never changed. */
    public byte[] bytes() {
        return bytes;
    }

    /**
     * A parser at the body, to be closed by the caller: its current token is the value of the body's
     * first member (whose name is the current name), or the frame's closing brace when the call has
     * no body. The first time the parser that read the header, after that a new one.
     */
    public JsonParser bodyParser(TokenStreamFactory factory) {
        JsonParser parser = atBody.getAndSet(null);
        if (parser != null) {
            return parser;
        }
        JsonParser fresh = factory.createParser(ObjectReadContext.empty(), bytes);
        fresh.nextToken();
        String name;
        while ((name = fresh.nextName()) != null) {
            JsonToken token = fresh.nextToken();
            if (BODY_MEMBERS.contains(name) || token == null) {
                break;
            }
            fresh.skipChildren();
        }
        return fresh;
    }
}
