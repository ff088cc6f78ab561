using SingleView.Samples.Corruption;
using SingleView.Samples.Output;

namespace SingleView.Samples.Feeds;

/// <summary>What every feed writer shares: the options, where the drops go, the truth file and the error tally.</summary>
internal sealed class FeedContext(SampleAuthorityOptions options, TruthFile truth, CorruptionTally tally)
{
    public SampleAuthorityOptions Options { get; } = options;
    public TruthFile Truth { get; } = truth;
    public CorruptionTally Tally { get; } = tally;
    public DateOnly ExtractDate => Options.ExtractDate;

    /// <summary><c>&lt;out&gt;/drops/&lt;feed&gt;/&lt;feed&gt;_yyyyMMdd.csv</c>, the layout the pipeline relies on.</summary>
    public string ExtractPath(string feed) =>
        Path.Combine(Options.OutputDirectory, "drops", feed, $"{feed}_{ExtractDate.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}.csv");

    /// <summary>
    /// Each feed draws from its own stream, seeded from the run's seed and the feed's name (with a
    /// fixed hash, not string.GetHashCode, which changes between processes).
    /// </summary>
    public Random RandomFor(string feed)
    {
        var hash = 2166136261u;
        foreach (var c in feed)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return new Random(unchecked((int)hash ^ Options.Seed));
    }
}
