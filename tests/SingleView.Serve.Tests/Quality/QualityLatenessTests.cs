using SingleView.Publish;
using SingleView.Serve.Quality;

namespace SingleView.Serve.Tests.Quality;

/// <summary>"Late" in the quality reports is the feed's own cut-off, in London time, on the morning after the extract date.</summary>
public class QualityLatenessTests
{
    private static readonly QualityReports Reports = new(
        ServingDatabase.Sqlite(":memory:"),
        lakeDirectory: null,
        new Dictionary<string, TimeOnly> { ["police"] = new(5, 30) });

    [Test]
    public void IsLate_ReceivedBeforeTheCutOffInSummerTime_IsNotLate()
    {
        // 05:00 BST is 04:00 UTC.
        Reports.IsLate("police", new DateOnly(2026, 7, 1), new DateTimeOffset(2026, 7, 2, 4, 0, 0, TimeSpan.Zero)).ShouldBeFalse();
    }

    [Test]
    public void IsLate_ReceivedAfterTheCutOffInSummerTime_IsLate()
    {
        // 04:45 UTC is 05:45 BST, after the 05:30 cut-off.
        Reports.IsLate("police", new DateOnly(2026, 7, 1), new DateTimeOffset(2026, 7, 2, 4, 45, 0, TimeSpan.Zero)).ShouldBeTrue();
    }

    [Test]
    public void IsLate_FeedWithoutCutOff_LateOnlyAfterASpareDay()
    {
        Reports.IsLate("school", new DateOnly(2026, 11, 20), new DateTimeOffset(2026, 11, 21, 18, 0, 0, TimeSpan.Zero)).ShouldBeFalse();
        Reports.IsLate("school", new DateOnly(2026, 11, 20), new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero)).ShouldBeTrue();
    }
}
