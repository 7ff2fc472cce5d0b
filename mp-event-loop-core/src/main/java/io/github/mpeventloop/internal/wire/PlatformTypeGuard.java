package io.github.mpeventloop.internal.wire;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.bean.BeanDeserializerBase;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.ValueSerializerModifier;
import tools.jackson.databind.ser.bean.BeanSerializerBase;

/**
 * Refuses to carry objects whose state is not a value: JDK classes that Jackson would otherwise
 * walk field by field ({@code Thread}, {@code InputStream}, a lock), and hidden or synthetic
 * classes such as lambdas. JDK value types that Jackson knows (strings, numbers, collections,
 * maps, {@code java.time}, {@code Optional}, ...) have serializers of their own and are not
 * affected. On the reading side the same rule stops a frame from making a worker build such an
 * object.
 */
final class PlatformTypeGuard extends SimpleModule {

    private static final long serialVersionUID = 1L;

    PlatformTypeGuard() {
        super("mp-event-loop-platform-type-guard");
        setSerializerModifier(new ValueSerializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public ValueSerializer<?> modifySerializer(SerializationConfig config, BeanDescription.Supplier beanDesc,
                    ValueSerializer<?> serializer) {
                Class<?> type = beanDesc.getBeanClass();
                if (serializer instanceof BeanSerializerBase && !canTravel(type)) {
                    return new Refusing(type);
                }
                return serializer;
            }
        });
        setDeserializerModifier(new ValueDeserializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier beanDesc,
                    ValueDeserializer<?> deserializer) {
                Class<?> type = beanDesc.getBeanClass();
                if (deserializer instanceof BeanDeserializerBase && !canTravel(type)) {
                    return new RefusingReader(type);
                }
                return deserializer;
            }
        });
    }

    static boolean canTravel(Class<?> type) {
        if (type.isSynthetic() || type.isHidden()) {
            return false;
        }
        String name = type.getName();
        return !(name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.") || name.startsWith("com.sun."));
    }

    static String reason(Class<?> type) {
        if (type.isSynthetic() || type.isHidden()) {
            return type.getName() + " is a lambda or synthetic class; its state cannot be copied to a worker";
        }
        return type.getName() + " is a platform class with no value form (it holds a resource, a thread or a lock)";
    }

    private static final class Refusing extends ValueSerializer<Object> {
        private final Class<?> type;

        Refusing(Class<?> type) {
            this.type = type;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializationContext ctxt) {
            ctxt.reportBadDefinition(type, reason(type), null);
        }
    }

    private static final class RefusingReader extends ValueDeserializer<Object> {
        private final Class<?> type;

        RefusingReader(Class<?> type) {
            this.type = type;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            return ctxt.reportBadDefinition(ctxt.constructType(type), reason(type));
        }
    }
}
