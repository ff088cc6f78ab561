using System.Globalization;
using SingleView.Ingest.Definitions;

namespace SingleView.Standardise;

/// <summary>
/// Whether a feed is late: it has an expected_by cut-off, the cut-off has passed today (in the
/// authority's time zone), and nothing has been received since the start of today. A feed that
/// delivered this morning and is simply re-run in the afternoon is not late.
/// </summary>
internal static class Lateness
{
    public static string? Notice(FeedDefinition definition, DateTimeOffset? lastReceivedAt, DateTimeOffset now, TimeZoneInfo timeZone)
    {
        if (definition.Expectations.ExpectedBy is not { } expectedBy) return null;
        var local = TimeZoneInfo.ConvertTime(now, timeZone);
        if (TimeOnly.FromDateTime(local.DateTime) < expectedBy) return null;
        var today = DateOnly.FromDateTime(local.DateTime);
        if (lastReceivedAt is { } received && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(received, timeZone).DateTime) >= today) return null;
        return $"late: nothing new by the {expectedBy.ToString("HH:mm", CultureInfo.InvariantCulture)} cut-off ({timeZone.Id})";
    }
}
