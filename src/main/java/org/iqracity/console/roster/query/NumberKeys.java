package org.iqracity.console.roster.query;

import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * A numeric column's values as 64-bit keys in the order of {@link Double#compare}, empty and unreadable values as
 * negative infinity, cut into slices for {@link ColumnSort}. Plain decimals (most of a roster's numbers) are read
 * straight from the stored bytes; anything else goes through {@link Double#parseDouble}, so both agree exactly.
 */
final class NumberKeys implements ColumnSort.SortKeys {
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15};
    /** Up to 15 digits a decimal's digits make an exact double, so one division rounds as parsing does. */
    private static final int MAX_DIGITS = 15;

    private final long[] keys;
    private final int sliceBits;

    private NumberKeys(long[] keys, int sliceBits) {
        this.keys = keys;
        this.sliceBits = sliceBits;
    }

    static NumberKeys of(TextColumn column, int[] rows, int sliceBits, BooleanSupplier cancelled) {
        int count = rows == null ? column.size() : rows.length;
        long[] keys = new long[count];
        byte[] data = column.bytes();
        for (int place = 0; place < count; place++) {
            if ((place & 4095) == 0) {
                ColumnSort.check(cancelled);
            }
            int row = rows == null ? place : rows[place];
            keys[place] = key(number(data, column.start(row), column.end(row)));
        }
        return new NumberKeys(keys, sliceBits);
    }

    /** Ordered as unsigned longs exactly as {@link Double#compare} orders the numbers (NaN last, -0.0 before 0.0). */
    static long key(double value) {
        long bits = Double.doubleToLongBits(value);
        return bits ^ (bits >> 63 | Long.MIN_VALUE);
    }

    @Override
    public long slice(int place, int depth) {
        int skip = depth * sliceBits;
        return skip >= Long.SIZE ? 0 : keys[place] << skip >>> (Long.SIZE - sliceBits);
    }

    @Override
    public boolean continues(long slice, int depth) {
        return (depth + 1) * sliceBits < Long.SIZE;
    }

    /** The value as the sort reads it: empty or unreadable is negative infinity. */
    static double number(byte[] data, int start, int end) {
        if (start == end) {
            return Double.NEGATIVE_INFINITY;
        }
        int at = start;
        boolean negative = data[at] == '-';
        if (negative) {
            at++;
        }
        long digits = 0;
        int count = 0;
        int scale = -1;
        for (; at < end; at++) {
            byte b = data[at];
            if (b >= '0' && b <= '9') {
                digits = digits * 10 + (b - '0');
                count++;
                if (scale >= 0) {
                    scale++;
                }
            } else if (b == '.' && scale < 0) {
                scale = 0;
            } else {
                count = MAX_DIGITS + 1;
                break;
            }
        }
        if (count == 0 || count > MAX_DIGITS) {
            return parsed(new String(data, start, end - start, StandardCharsets.UTF_8));
        }
        double value = scale <= 0 ? digits : digits / POWERS_OF_TEN[scale];
        return negative ? -value : value;
    }

    private static double parsed(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NEGATIVE_INFINITY;
        }
    }
}
