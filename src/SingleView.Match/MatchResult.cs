using SingleView.Core.Model;
using SingleView.Match.Scoring;

namespace SingleView.Match;

/// <summary>What the matcher decided for one run: linked and review pairs, and the people they form.</summary>
public sealed record MatchResult
{
    /// <summary>Linked pairs and pairs for review, each with its explanation.</summary>
    public required IReadOnlyList<ScoredPair> Pairs { get; init; }
    /// <summary>Each person as the source records that make them up; every input record is in exactly one.</summary>
    public required IReadOnlyList<IReadOnlyList<PersonRecord>> People { get; init; }
    public required int CandidatePairs { get; init; }
    /// <summary>Records with neither a name nor a date of birth nor an identifier: they can only stay alone.</summary>
    public required int Unmatchable { get; init; }

    /// <summary>How long each step took, for the benchmark and the refresh log.</summary>
    public MatchTimings Timings { get; init; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    public int Linked => Pairs.Count(p => p.Decision == MatchDecision.Linked);
    public int ReviewPairs => Pairs.Count(p => p.Decision == MatchDecision.Review);
}

/// <summary>Wall-clock time of the match steps.</summary>
public sealed record MatchTimings(TimeSpan Preparing, TimeSpan Blocking, TimeSpan Scoring, TimeSpan Clustering)
{
    public TimeSpan Total => Preparing + Blocking + Scoring + Clustering;

    /// <summary>
    /// The process's CPU time over the same steps (all threads, both cores, garbage collection
    /// included): on a shared machine the figure to compare, as wall time includes waiting for a core.
    /// </summary>
    public MatchTimings? ProcessorTime { get; init; }
}
