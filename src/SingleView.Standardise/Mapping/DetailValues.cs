using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace SingleView.Standardise.Mapping;

/// <summary>
/// A record's involvement details as the mapper makes them: the feed's detail names (shared by every
/// record of a delivery, in <see cref="MappingPlan.Details"/> order) and this record's values, an absent
/// value left out. A feed has a handful of details, so a name is found by comparing names, and a record
/// costs one small array instead of a hash table built for every row. Read-only, like the dictionary
/// it stands for; enumerated in name order, as that dictionary was filled.
/// </summary>
internal sealed class DetailValues : IReadOnlyDictionary<string, string>
{
    private readonly string[] names;
    private readonly string?[] values;

    /// <param name="names">The detail names, one for each of <paramref name="values"/>.</param>
    /// <param name="values">Each name's value, or null where the record has none (taken over, not copied).</param>
    public DetailValues(string[] names, string?[] values)
    {
        if (names.Length != values.Length) throw new ArgumentException("one value for each name", nameof(values));
        this.names = names;
        this.values = values;
        foreach (var value in values)
        {
            if (value is not null) Count++;
        }
    }

    public int Count { get; }

    public IEnumerable<string> Keys => this.Select(pair => pair.Key);

    public IEnumerable<string> Values => this.Select(pair => pair.Value);

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no detail '{key}'");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = 0; i < names.Length; i++)
        {
            if (values[i] is { } found && string.Equals(names[i], key, StringComparison.Ordinal))
            {
                value = found;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>The name and value of each detail the record has, in name order (no enumerator object).</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, string>> IEnumerable<KeyValuePair<string, string>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator(DetailValues details) : IEnumerator<KeyValuePair<string, string>>
    {
        private int index = -1;

        public readonly KeyValuePair<string, string> Current => new(details.names[index], details.values[index]!);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            while (++index < details.values.Length)
            {
                if (details.values[index] is not null) return true;
            }

            return false;
        }

        public void Reset() => index = -1;

        public readonly void Dispose()
        {
        }
    }
}
