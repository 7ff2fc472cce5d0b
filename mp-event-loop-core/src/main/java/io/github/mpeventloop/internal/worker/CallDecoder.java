package io.github.mpeventloop.internal.worker;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.internal.call.ResolvedTarget;
import io.github.mpeventloop.internal.call.TargetDescriptor;
import io.github.mpeventloop.internal.call.TargetNotFoundException;
import io.github.mpeventloop.internal.call.TargetPolicy;
import io.github.mpeventloop.internal.call.TargetResolver;
import io.github.mpeventloop.internal.wire.DeepStack;
import io.github.mpeventloop.internal.wire.ParentFrame;
import io.github.mpeventloop.internal.wire.ProtocolException;
import io.github.mpeventloop.internal.wire.Scalars;
import io.github.mpeventloop.internal.wire.WireCodec;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code call}'s body in one streaming pass, each value straight into the type its target
 * declares: no tree in between, so a {@code BigDecimal} keeps its digits and scale and a
 * {@code BigInteger} all its digits. The target ({@code target}, {@code event} or {@code class})
 * comes before the values it types. Event thread only; not thread-safe.
 */
final class CallDecoder {

    private final WireCodec codec;
    private final ClassLoader loader;
    private final TargetResolver resolver;
    private final Map<Type, ObjectReader> readers = new HashMap<>();
    private final TargetCache targets = new TargetCache();

    CallDecoder(WireCodec codec, ClassLoader loader) {
        this.codec = codec;
        this.loader = loader;
        this.resolver = new TargetResolver(loader);
    }

    /**
     * Reads the body of {@code call}.
     *
     * @throws TargetNotFoundException if the target or event class cannot be found or is malformed
     * @throws IllegalArgumentException if a value cannot be read as its declared type
     */
    DecodedCall decode(ParentFrame.Call call) throws Exception {
        return DeepStack.run(() -> read(call));
    }

    private DecodedCall read(ParentFrame.Call call) throws Exception {
        DecodedCall decoded = new DecodedCall(call);
        byte[] frame = call.frame().bytes();
        try (JsonParser parser = call.frame().bodyParser(codec.factory())) {
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                member(parser, parser.currentName(), parser.currentToken(), decoded, frame);
                String name;
                while ((name = parser.nextName()) != null) {
                    JsonToken token = parser.nextToken();
                    member(parser, name, token, decoded, frame);
                }
            }
        } catch (JacksonException e) {
            throw new ProtocolException("unreadable call " + call.id() + ": " + e.getOriginalMessage(), e);
        }
        return decoded;
    }

    private void member(JsonParser parser, String name, JsonToken token, DecodedCall call, byte[] frame)
            throws Exception {
        switch (name) {
            case "target" -> call.target = target(parser, token, frame);
            case "values" -> call.values = values(parser, call);
            case "batch" -> batch(parser, call);
            case "event" -> eventForm(parser, call, parser.getString());
            case "fields" -> throw new IllegalStateException("\"fields\" before \"event\"");
            case "object" -> call.objectId = parser.getLongValue();
            case "class" -> call.storeClass = parser.getString();
            case "replace" -> call.replace = token == JsonToken.VALUE_TRUE;
            case "refs" -> {
                JsonNode refs = tree(parser);
                refs.properties().forEach(entry -> call.refs.put(Integer.valueOf(entry.getKey()), entry.getValue().asLong()));
            }
            case "vars" -> {
                JsonNode vars = tree(parser);
                vars.properties().forEach(entry -> call.vars.put(Integer.valueOf(entry.getKey()), entry.getValue().asString()));
            }
            case "storeResult" -> call.storeResult = parser.getLongValue();
            case "mirror" -> {
                for (JsonNode member : tree(parser)) {
                    call.mirror.add(member.asString());
                }
            }
            case "init" -> call.init = token == JsonToken.VALUE_TRUE;
            case "bean" -> {
                JsonNode bean = tree(parser);
                call.beanType = bean.path("type").asString("");
                call.beanName = bean.path("name").isString() ? bean.path("name").asString() : null;
            }
            default -> parser.skipChildren();
        }
    }

    /**
     * The target of a call, found by its bytes when it was resolved before; read by the wire factory
     * alone, so that a worker resolves its first targets while its mapper is still being made.
     */
    private ResolvedTarget target(JsonParser parser, JsonToken token, byte[] frame) {
        if (token != JsonToken.START_OBJECT) {
            throw new TargetNotFoundException("malformed target in call: a target is a JSON object, not " + token,
                    null);
        }
        int from = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        int to = (int) parser.currentTokenLocation().getByteOffset() + 1;
        ResolvedTarget known = targets.find(frame, from, to);
        if (known != null) {
            return known;
        }
        TargetDescriptor descriptor;
        try (JsonParser members = codec.factory().createParser(ObjectReadContext.empty(), frame, from, to - from)) {
            members.nextToken();
            descriptor = TargetDescriptor.read(members);
        } catch (IllegalArgumentException e) {
            throw new TargetNotFoundException("malformed target in call: " + e.getMessage(), e);
        }
        TargetPolicy.check(descriptor);
        ResolvedTarget target = resolver.resolve(descriptor);
        targets.put(frame, from, to, target);
        return target;
    }

    private @Nullable Object[] values(JsonParser parser, DecodedCall call) throws ClassNotFoundException {
        expectArray(parser, "values");
        List<@Nullable Object> values = new ArrayList<>();
        ResolvedTarget target = call.target;
        int slot = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (target != null) {
                if (slot < target.valueCount()) {
                    int index = slot;
                    values.add(read(parser, target.valueType(slot), () -> "value " + index + " of " + target));
                } else {
                    parser.skipChildren();
                    values.add(null);
                }
            } else if (call.storeClass != null) {
                String storeClass = call.storeClass;
                values.add(read(parser, storeClass(storeClass), () -> "cached object of class " + storeClass));
            } else {
                throw new IllegalArgumentException("values before the target that types them");
            }
            slot++;
        }
        return values.toArray();
    }

    private Class<?> storeClass(String className) throws ClassNotFoundException {
        if (TargetPolicy.isPlatformClass(className)) {
            throw new TargetNotFoundException("a cached object cannot be a platform object: " + className, null);
        }
        return Class.forName(className, false, loader);
    }

    private void batch(JsonParser parser, DecodedCall call) {
        expectArray(parser, "batch");
        ResolvedTarget target = call.target;
        if (target == null || target.valueCount() == 0) {
            throw new IllegalArgumentException("a batch needs a target that takes at least one value");
        }
        int last = target.valueCount() - 1;
        int item = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            int index = item;
            call.batch.add(read(parser, target.valueType(last), () -> "item " + index + " of the batch for " + target));
            item++;
        }
    }

    private void eventForm(JsonParser parser, DecodedCall call, String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new TargetNotFoundException("no event class " + className, e);
        }
        if (!Event.class.isAssignableFrom(type)) {
            throw new TargetNotFoundException(className + " is not a subclass of " + Event.class.getName(), null);
        }
        String name = parser.nextName();
        if (!"fields".equals(name)) {
            throw new IllegalArgumentException("an event call has its \"fields\" right after its \"event\"");
        }
        parser.nextToken();
        Event<?> event = (Event<?>) read(parser, type, () -> "fields of " + className);
        if (event == null) {
            throw new IllegalArgumentException("no fields for " + className);
        }
        call.event = event;
    }

    private JsonNode tree(JsonParser parser) {
        return reader(JsonNode.class).readValue(parser);
    }

    private ObjectReader reader(Type type) {
        return readers.computeIfAbsent(type, key -> {
            JsonMapper mapper = codec.mapper();
            return mapper.readerFor(mapper.getTypeFactory().constructType(key))
                    .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        });
    }

    private static void expectArray(JsonParser parser, String member) {
        if (!parser.hasToken(JsonToken.START_ARRAY)) {
            throw new IllegalArgumentException("\"" + member + "\" is not an array");
        }
    }

    /** Reads one value as {@code type}; {@code what} names it in the error, made only on failure. */
    private @Nullable Object read(JsonParser parser, Type type, Supplier<String> what) {
        try {
            if (type instanceof Class<?> raw) {
                Object scalar = Scalars.read(parser, raw);
                if (scalar != Scalars.NOT_SCALAR) {
                    return scalar;
                }
            }
            return reader(type).readValue(parser);
        } catch (JacksonException e) {
            String typeName = codec.mapper().getTypeFactory().constructType(type).toCanonical();
            throw new IllegalArgumentException(what.get() + " cannot be read as " + typeName + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
