package io.github.mpeventloop.internal.wire;

import java.math.BigDecimal;
import java.math.BigInteger;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.util.JsonGeneratorDelegate;

/**
 * Checks, as a value is written, the limits Jackson only checks when reading: the length of a
 * number and of a string. With it a writer refuses exactly what its reader would refuse, so a
 * value over a limit is refused at {@code addEvent} (or in the worker, for a result) instead of
 * making the receiver drop the channel. Jackson offers no such write constraint, hence this
 * delegate; everything else passes straight through.
 */
final class LimitedGenerator extends JsonGeneratorDelegate {

    private final WireLimits limits;
    private final boolean checkStrings;

    LimitedGenerator(JsonGenerator delegate, WireLimits limits) {
        super(delegate);
        this.limits = limits;
        this.checkStrings = limits.checksStrings();
    }

    @Override
    public JsonGenerator writeNumber(BigInteger value) {
        if (value != null && (long) value.bitLength() * 30_103 / 100_000 + 2 >= limits.maxNumberLength()) {
            checkNumber(value.toString().length());
        }
        return super.writeNumber(value);
    }

    @Override
    public JsonGenerator writeNumber(BigDecimal value) {
        if (value != null) {
            checkNumber(value.toString().length());
        }
        return super.writeNumber(value);
    }

    @Override
    public JsonGenerator writeNumber(String encodedValue) {
        if (encodedValue != null) {
            checkNumber(encodedValue.length());
        }
        return super.writeNumber(encodedValue);
    }

    @Override
    public JsonGenerator writeString(String text) {
        if (checkStrings && text != null) {
            checkString(text.length());
        }
        return super.writeString(text);
    }

    @Override
    public JsonGenerator writeString(char[] text, int offset, int len) {
        if (checkStrings) {
            checkString(len);
        }
        return super.writeString(text, offset, len);
    }

    /**
     * Passed straight on: {@link JsonGeneratorDelegate} leaves this to {@link JsonGenerator}, which
     * turns the value back into text and loses the UTF-8 bytes it keeps. Raw text is the
     * library's own (a target's descriptor), never a value, so no limit applies.
     */
    @Override
    public JsonGenerator writeRawValue(SerializableString raw) {
        delegate.writeRawValue(raw);
        return this;
    }

    @Override
    public JsonGenerator writeName(String name) {
        if (checkStrings) {
            checkString(name.length());
        }
        return super.writeName(name);
    }

    private void checkNumber(int length) {
        if (length > limits.maxNumberLength()) {
            throw new ValueLimitException(ValueLimitException.Limit.NUMBER_LENGTH, limits.maxNumberLength(), length);
        }
    }

    private void checkString(int length) {
        if (length > limits.maxStringLength()) {
            throw new ValueLimitException(ValueLimitException.Limit.STRING_LENGTH, limits.maxStringLength(), length);
        }
    }
}
