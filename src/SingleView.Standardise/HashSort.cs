namespace SingleView.Standardise;

/// <summary>
/// Sorts 64-bit hashes with a least-significant-digit radix sort: eight passes of one byte each over
/// the values, against the comparison sort's twenty or so comparisons a value for a million of them.
/// The hashes are uniform, so every pass does the same work; the order is the same as
/// <see cref="MemoryExtensions.Sort{T}(Span{T})"/>'s.
/// </summary>
internal static class HashSort
{
    // Below this a comparison sort is as quick and needs no second buffer.
    private const int RadixFrom = 1 << 12;

    public static void Sort(Span<ulong> values)
    {
        if (values.Length < RadixFrom)
        {
            values.Sort();
            return;
        }

        // One counting pass for all eight digits, then eight distributing passes between the values and a
        // scratch buffer (an even number, so the result ends in the values).
        var counts = new int[8 * 256];
        foreach (var value in values)
        {
            for (var digit = 0; digit < 8; digit++) counts[(digit * 256) + (int)((value >> (digit * 8)) & 0xFF)]++;
        }

        var scratch = GC.AllocateUninitializedArray<ulong>(values.Length);
        Span<ulong> from = values;
        Span<ulong> to = scratch;
        for (var digit = 0; digit < 8; digit++)
        {
            var starts = counts.AsSpan(digit * 256, 256);
            var total = 0;
            for (var i = 0; i < starts.Length; i++)
            {
                var count = starts[i];
                starts[i] = total;
                total += count;
            }

            var shift = digit * 8;
            foreach (var value in from) to[starts[(int)((value >> shift) & 0xFF)]++] = value;
            var swap = from;
            from = to;
            to = swap;
        }
    }
}
