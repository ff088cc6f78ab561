namespace SingleView.Samples;

/// <summary>What a generation run produced: the population behind the extracts and the files written.</summary>
public sealed record SampleAuthoritySummary
{
    public required int People { get; init; }
    public required int Children { get; init; }
    public required int Adults { get; init; }
    public required int Families { get; init; }
    public required int TwinPairs { get; init; }

    /// <summary>Rows written to each feed's extract, by feed name (ordinal order).</summary>
    public required IReadOnlyDictionary<string, int> RowsPerFeed { get; init; }

    /// <summary>Every file written, extracts first then truth.csv, as full paths.</summary>
    public required IReadOnlyList<string> FilesWritten { get; init; }

    /// <summary>How many times each kind of deliberate corruption was applied (nickname, typo, invalid_nhs_number...).</summary>
    public required IReadOnlyDictionary<string, int> Corruptions { get; init; }

    public int TotalRows => RowsPerFeed.Values.Sum();

    public int CorruptionsOf(string kind) => Corruptions.TryGetValue(kind, out var count) ? count : 0;
}
