namespace SingleView.Match.Scoring;

/// <summary>
/// How many records of a run hold each first name, family name and postcode. It drives the
/// term-frequency adjustment (a shared rare surname is stronger evidence than a shared "Smith") and the
/// misspelling level (a value seen once beside a common near-identical one is a slip of the keyboard).
/// </summary>
public sealed class ValueFrequencies
{
    private readonly Dictionary<string, int> firstNames;
    private readonly Dictionary<string, int> familyNames;
    private readonly Dictionary<string, int> postcodes;

    private ValueFrequencies(Dictionary<string, int> firstNames, Dictionary<string, int> familyNames, Dictionary<string, int> postcodes)
    {
        // Plain dictionaries: freezing a million keys costs more than every lookup it would save.
        this.firstNames = firstNames;
        this.familyNames = familyNames;
        this.postcodes = postcodes;
        FirstNameTotal = firstNames.Values.Sum();
        FamilyNameTotal = familyNames.Values.Sum();
        PostcodeTotal = postcodes.Values.Sum();
    }

    /// <summary>No frequencies known: every value counts once (explaining a pair on its own).</summary>
    public static ValueFrequencies Empty { get; } = new([], [], []);

    public int FirstNameTotal { get; }
    public int FamilyNameTotal { get; }
    public int PostcodeTotal { get; }

    public static ValueFrequencies Of(IEnumerable<Core.Model.PersonRecord> records)
    {
        var cache = new PreparationCache();
        return Of(records.Select((r, i) => new PreparedRecord(i, r, cache)).ToList());
    }

    internal static ValueFrequencies Of(IReadOnlyList<PreparedRecord> records)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var family = new Dictionary<string, int>(StringComparer.Ordinal);
        var postcode = new Dictionary<string, int>(StringComparer.Ordinal);
        static void Count(Dictionary<string, int> counts, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, value, out _)++;
        }

        // One column per core: each dictionary is filled by one thread.
        Parallel.Invoke(
            () => { foreach (var record in records) Count(first, record.FirstNameKey); },
            () => { foreach (var record in records) Count(family, record.FamilyNameKey); },
            () => { foreach (var record in records) Count(postcode, record.Postcode); });

        return new ValueFrequencies(first, family, postcode);
    }

    public int FirstName(string key) => Lookup(firstNames, key);
    public int FamilyName(string key) => Lookup(familyNames, key);
    public int Postcode(string? key) => Lookup(postcodes, key);

    private static int Lookup(Dictionary<string, int> counts, string? key) =>
        string.IsNullOrEmpty(key) ? 0 : counts.TryGetValue(key, out var count) ? count : 1;

    /// <summary>Fills each record's counts, so that scoring reads an int instead of hashing a string per pair.</summary>
    internal void Annotate(IReadOnlyList<PreparedRecord> records)
    {
        // Lookups only: the dictionaries are read from both cores, each record written by one.
        Parallel.For(0, records.Count, i =>
        {
            var record = records[i];
            record.FirstNameCount = FirstName(record.FirstNameKey);
            record.FamilyNameCount = FamilyName(record.FamilyNameKey);
            record.PostcodeCount = Postcode(record.Postcode);
            record.FirstNameShare = FirstNameTotal == 0 ? 0 : (double)record.FirstNameCount / FirstNameTotal;
            record.FamilyNameShare = FamilyNameTotal == 0 ? 0 : (double)record.FamilyNameCount / FamilyNameTotal;
            record.PostcodeShare = PostcodeTotal == 0 ? 0 : (double)record.PostcodeCount / PostcodeTotal;
            record.FirstNameValues = FirstNameTotal;
            record.FamilyNameValues = FamilyNameTotal;
            record.PostcodeValues = PostcodeTotal;
        });
    }
}
