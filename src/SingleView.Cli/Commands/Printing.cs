using System.Globalization;
using SingleView.Refresh;

namespace SingleView.Cli.Commands;

internal static class Printing
{
    public static void Report(TextWriter output, RefreshReport report)
    {
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Refresh {report.RunId} published (publication {report.PublicationId})."));
        output.WriteLine("  feed                 state           as of        rows  quarantined  note");
        foreach (var feed in report.Feeds)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {feed.Feed,-20} {feed.State,-15} {feed.CurrentAsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",-10} {feed.Rows,6} {feed.Quarantined,12}  {feed.Message}"));
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {report.SourceRecords} source records, {report.CandidatePairs} candidate pairs, {report.LinkedPairs} linked, {report.ReviewPairs} for review, {report.Unmatchable} unmatchable"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {report.GoldenRecords} golden records ({report.Children} children, {report.Adults} adults), {report.Families} families"));
    }

    public static IProgress<string> Progress(TextWriter error, TimeProvider timeProvider)
    {
        var start = timeProvider.GetTimestamp();
        return new SynchronousProgress(stage =>
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{timeProvider.GetElapsedTime(start).TotalSeconds,6:0.0}s] {stage}")));
    }

    /// <summary>Reports on the calling thread, so progress lines come out in order and before the summary.</summary>
    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
