namespace SingleView.Standardise.Tests;

public class HashSortTests
{
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(100)]
    [TestCase(5_000)]
    [TestCase(100_003)]
    public void Sort_RandomHashes_IsTheComparisonSortsOrder(int length)
    {
        var random = new Random(length);
        var values = Enumerable.Range(0, length).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40)).ToArray();
        // Repeats and the extremes, which a radix sort's top digit must place right.
        if (length > 10)
        {
            values[3] = values[7];
            values[4] = ulong.MaxValue;
            values[5] = 0;
        }

        var expected = values.Order().ToArray();

        HashSort.Sort(values);

        values.ShouldBe(expected);
    }
}
