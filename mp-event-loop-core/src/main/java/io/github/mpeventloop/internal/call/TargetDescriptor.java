package io.github.mpeventloop.internal.call;

import java.lang.invoke.MethodHandleInfo;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A method or constructor named the way it crosses the process boundary: its kind, class, name
 * and JVM descriptor, as a {@link java.lang.invoke.SerializedLambda} gives them.
 *
 * @param kind how the target is invoked
 * @param className binary name of the declaring class ({@code a.b.Outer$Inner})
 * @param methodName method name, {@code <init>} for a constructor
 * @param descriptor JVM method descriptor, such as {@code (II)I}
 */
public record TargetDescriptor(Kind kind, String className, String methodName, String descriptor) {

    /** How a target is invoked. */
    public enum Kind {
        /** A static method: every value is an argument. */
        STATIC,
        /** An instance method: the first value is the receiver. */
        INSTANCE,
        /** A constructor: every value is an argument; the new object is the result. */
        CONSTRUCTOR;

        static Kind ofReferenceKind(int referenceKind) {
            switch (referenceKind) {
                case MethodHandleInfo.REF_invokeStatic:
                    return STATIC;
                case MethodHandleInfo.REF_invokeVirtual:
                case MethodHandleInfo.REF_invokeInterface:
                case MethodHandleInfo.REF_invokeSpecial:
                    return INSTANCE;
                case MethodHandleInfo.REF_newInvokeSpecial:
                    return CONSTRUCTOR;
                default:
                    throw new IllegalArgumentException("unsupported method reference kind " + referenceKind);
            }
        }
    }

    /** This descriptor as a JSON object, the same as {@link #write(JsonGenerator)} writes. */
    public String toJson() {
        return "{\"kind\":\"" + kind.name().toLowerCase(Locale.ROOT) + "\",\"class\":" + quote(className)
                + ",\"method\":" + quote(methodName) + ",\"descriptor\":" + quote(descriptor) + "}";
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    /** Writes this descriptor as the current JSON value. */
    public void write(JsonGenerator out) {
        out.writeStartObject();
        out.writeStringProperty("kind", kind.name().toLowerCase(Locale.ROOT));
        out.writeStringProperty("class", className);
        out.writeStringProperty("method", methodName);
        out.writeStringProperty("descriptor", descriptor);
        out.writeEndObject();
    }

    /**
     * Reads a descriptor written by {@link #write(JsonGenerator)}, from the parser's current token,
     * its opening brace, to its closing brace; members it does not know, and values that are no
     * strings, are skipped.
     *
     * @throws IllegalArgumentException if it is no object, or a member is missing or unknown
     */
    public static TargetDescriptor read(JsonParser parser) {
        if (!parser.hasToken(JsonToken.START_OBJECT)) {
            throw new IllegalArgumentException("a target is a JSON object, not " + parser.currentToken());
        }
        String kind = "";
        String className = "";
        String methodName = "";
        String descriptor = "";
        String name;
        while ((name = parser.nextName()) != null) {
            parser.nextToken();
            String value = parser.hasToken(JsonToken.VALUE_STRING) ? parser.getString() : "";
            parser.skipChildren();
            switch (name) {
                case "kind" -> kind = value;
                case "class" -> className = value;
                case "method" -> methodName = value;
                case "descriptor" -> descriptor = value;
                default -> {
                    // another version's member: skipped
                }
            }
        }
        if (kind.isEmpty() || className.isEmpty() || methodName.isEmpty() || descriptor.isEmpty()) {
            throw new IllegalArgumentException("incomplete target: kind \"" + kind + "\", class \"" + className
                    + "\", method \"" + methodName + "\", descriptor \"" + descriptor + "\"");
        }
        Kind known;
        try {
            known = Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown target kind \"" + kind + "\"", e);
        }
        return new TargetDescriptor(known, className, methodName, descriptor);
    }

    /**
     * Whether {@code other} names the same target. Written out rather than left to the record: a
     * record's generated {@code equals} and {@code hashCode} are linked through method handles the
     * first time they run, which costs a worker JVM on JDK 17 about a dozen classes spun at run time
     * when it resolves its first target.
     */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof TargetDescriptor target && kind == target.kind && className.equals(target.className)
                && methodName.equals(target.methodName) && descriptor.equals(target.descriptor);
    }

    @Override
    public int hashCode() {
        return ((kind.hashCode() * 31 + className.hashCode()) * 31 + methodName.hashCode()) * 31 + descriptor.hashCode();
    }

    @Override
    public String toString() {
        return kind == Kind.CONSTRUCTOR ? className + "::new" + descriptor : className + "::" + methodName + descriptor;
    }
}
