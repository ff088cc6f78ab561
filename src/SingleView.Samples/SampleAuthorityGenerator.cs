using System.Globalization;
using SingleView.Samples.Corruption;
using SingleView.Samples.Feeds;
using SingleView.Samples.Output;
using SingleView.Samples.Population;

namespace SingleView.Samples;

/// <summary>
/// Writes a synthetic local authority: one full-snapshot extract per partner feed under
/// <c>&lt;out&gt;/drops/&lt;feed&gt;/&lt;feed&gt;_yyyyMMdd.csv</c>, and <c>&lt;out&gt;/truth.csv</c> naming the real
/// person and family behind every row. The same options always give byte-identical files.
/// </summary>
public static class SampleAuthorityGenerator
{
    private const int ProgressEveryFamilies = 10_000;

    public static SampleAuthoritySummary Generate(SampleAuthorityOptions options, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var population = new PopulationBuilder(options);
        var tally = new CorruptionTally();
        var truthPath = Path.Combine(options.OutputDirectory, "truth.csv");
        var rows = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var files = new List<string>();
        using (var truth = new TruthFile(truthPath))
        {
            var writers = FeedCatalogue.Open(new FeedContext(options, truth, tally));
            try
            {
                foreach (var family in population.Build())
                {
                    foreach (var writer in writers) writer.WriteFamily(family);
                    if (population.Families % ProgressEveryFamilies == 0)
                    {
                        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{population.Families:N0} families, {population.Children:N0} of {options.Children:N0} children"));
                    }
                }
            }
            finally
            {
                foreach (var writer in writers) writer.Dispose();
            }

            foreach (var writer in writers)
            {
                rows[writer.Feed] = writer.Rows;
                files.Add(Path.GetFullPath(writer.FilePath));
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{writer.Feed}: {writer.Rows:N0} rows to {writer.FilePath}"));
            }
        }

        files.Add(Path.GetFullPath(truthPath));
        progress?.Report($"truth: {truthPath}");
        return new SampleAuthoritySummary
        {
            People = population.Children + population.Adults,
            Children = population.Children,
            Adults = population.Adults,
            Families = population.Families,
            TwinPairs = population.TwinPairs,
            RowsPerFeed = rows,
            FilesWritten = files,
            Corruptions = tally.Snapshot(),
        };
    }
}
