package io.github.mpeventloop.hazelcast;

import java.io.IOException;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

/** What the module's messages share in their serialised form. */
final class Messages {

    private Messages() {
    }

    static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    static void writeUuid(ObjectDataOutput out, UUID uuid) throws IOException {
        out.writeLong(uuid.getMostSignificantBits());
        out.writeLong(uuid.getLeastSignificantBits());
    }

    static UUID readUuid(ObjectDataInput in) throws IOException {
        return new UUID(in.readLong(), in.readLong());
    }
}
