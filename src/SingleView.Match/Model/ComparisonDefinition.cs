using System.Collections.Immutable;

namespace SingleView.Match.Model;

/// <summary>
/// One level of a comparison: the test that puts a pair at it, its m and u probabilities and the
/// weight they give. <c>Source</c> says where m and u came from (configuration, training, fixed).
/// </summary>
public sealed record ComparisonLevel
{
    public required string Comparison { get; init; }
    public required string Name { get; init; }
    public required LevelKind Kind { get; init; }
    /// <summary>Jaro-Winkler threshold, or 0.</summary>
    public double Threshold { get; init; }
    /// <summary>Edit distance allowed (edit_distance, misspelling), or 0.</summary>
    public int MaxEdits { get; init; }
    /// <summary>Days apart allowed (within_days), or 0.</summary>
    public int Days { get; init; }
    /// <summary>Misspelling: the rarer value is seen in at most this many records...</summary>
    public int MaxRarerCount { get; init; }
    /// <summary>...or at most this share of the commoner value's records.</summary>
    public double MaxRarerShare { get; init; }
    /// <summary>Misspelling: below this many values in the column, two rare values may be a slip too (small data).</summary>
    public int SmallDataValues { get; init; }
    /// <summary>Whether an exact agreement is weighted by how common the value is (Splink's term-frequency adjustment).</summary>
    public bool TermFrequency { get; init; }
    /// <summary>Fixed in configuration: training leaves m and u alone.</summary>
    public bool Fixed { get; init; }
    public required double M { get; init; }
    public required double U { get; init; }
    public string Source { get; init; } = "configuration";

    /// <summary>log2(m/u): how much observing this level moves the odds that the records are one person.</summary>
    public double Weight => Math.Log2(M / U);
}

/// <summary>A comparison of one column between two records, with its ordered levels (strongest agreement first).</summary>
public sealed record ComparisonDefinition(string Name, ComparisonColumn Column, ImmutableArray<ComparisonLevel> Levels)
{
    /// <summary>
    /// Index of a comparison this one refines: it counts only where that one is at its last (else) level
    /// or null. The town says something only when the addresses differ (moved within the town, or
    /// away); where they agree it would count one home twice. -1 for none.
    /// </summary>
    public int OnlyWhenDifferentIndex { get; init; } = -1;

    /// <summary>Index of the level named <paramref name="level"/>, or -1.</summary>
    public int IndexOf(string level)
    {
        for (var i = 0; i < Levels.Length; i++)
        {
            if (Levels[i].Name == level) return i;
        }

        return -1;
    }

    public bool HasTermFrequency => Levels.Any(l => l.TermFrequency);
}
