using System.Globalization;

namespace SingleView.Samples.Population;

/// <summary>Items with relative frequencies, picked by a seeded <see cref="Random"/>.</summary>
internal sealed class WeightedList<T>
{
    private readonly T[] items;
    private readonly double[] cumulative;

    public WeightedList(IEnumerable<(T Item, double Weight)> weighted)
    {
        var list = weighted.Where(w => w.Weight > 0).ToList();
        if (list.Count == 0) throw new ArgumentException("A weighted list needs at least one item with a positive weight.", nameof(weighted));
        items = list.Select(w => w.Item).ToArray();
        cumulative = new double[list.Count];
        var total = 0.0;
        for (var i = 0; i < list.Count; i++)
        {
            total += list[i].Weight;
            cumulative[i] = total;
        }
    }

    public IReadOnlyList<T> Items => items;

    public T Pick(Random random)
    {
        var target = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        if (index < 0) index = ~index;
        return items[Math.Min(index, items.Length - 1)];
    }
}

/// <summary>Reads the compact "Name:weight Name:weight" form the name tables are written in.</summary>
internal static class WeightedNames
{
    public static WeightedList<string> Parse(string table) =>
        new(table.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(entry =>
        {
            var colon = entry.LastIndexOf(':');
            return colon < 0
                ? (entry.Replace('_', ' '), 1.0)
                : (entry[..colon].Replace('_', ' '), double.Parse(entry[(colon + 1)..], CultureInfo.InvariantCulture));
        }));
}
