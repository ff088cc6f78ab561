using System.Globalization;
using System.Text;

namespace SingleView.Schedule.History;

/// <summary>The run history as plain text, for <c>singleview runs</c>: one line per run, then its feeds and stages when asked.</summary>
public static class RunHistoryText
{
    public static string Format(IReadOnlyList<RunRecord> runs, bool details)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0) return "No refresh has been recorded yet." + Environment.NewLine;
        var text = new StringBuilder();
        text.AppendLine("run                       trigger    try outcome    started (UTC)        duration  records  linked  review  events");
        foreach (var run in runs)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{run.RunId,-25} {run.TriggerKind,-10} {run.Attempt,3} {Outcome(run.Outcome),-10} {run.StartedAt:yyyy-MM-dd HH:mm:ss}  {Duration(run.Duration),8}  {Count(run.SourceRecords),7}  {Count(run.LinkedPairs),6}  {Count(run.ReviewPairs),6}  {Count(run.NewEvents),6}"));
            if (run.Error is not null) text.AppendLine(CultureInfo.InvariantCulture, $"    error: {run.Error}");
            if (!details) continue;
            foreach (var feed in run.Feeds)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    feed {feed.Feed,-18} {feed.State,-13} in {feed.RowsIn,7}  out {feed.RowsOut,7}  quarantined {feed.Quarantined,5}  linked {feed.Linked,6}  review {feed.InReview,5}");
            }

            foreach (var stage in run.Stages)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    stage {Duration(stage.Duration),8}  {stage.Stage}");
            }
        }

        return text.ToString();
    }

    private static string Outcome(RunOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static string Count(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Duration(TimeSpan? duration) => duration is { } d
        ? d.TotalHours >= 1 ? d.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : d.ToString(@"m\:ss\.f", CultureInfo.InvariantCulture)
        : "-";
}
