using Quartz;
using SingleView.Schedule.Configuration;
using SingleView.Schedule.Jobs;
using SingleView.Schedule.Tests.Support;

namespace SingleView.Schedule.Tests.Jobs;

/// <summary>
/// The nightly 01:30 and the 07:00 triggers, built as the host builds them, across the 2027 clock changes
/// in Europe/London (28 March: 01:00 GMT becomes 02:00 BST; 31 October: 02:00 BST becomes 01:00 GMT).
/// </summary>
public sealed class ClockChangeTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly ScheduleSettings Settings = new();

    [TestCase("2027-03-21", "2027-04-04")]
    [TestCase("2027-10-24", "2027-11-07")]
    public void NightlyRefresh_AcrossClockChange_FiresOncePerLocalDay(string from, string to)
    {
        var fires = FireTimes(Settings.RefreshCron, from, to);

        LocalDays(fires).ShouldBe(Days(from, to));
    }

    [TestCase("2027-03-21", "2027-04-04")]
    [TestCase("2027-10-24", "2027-11-07")]
    public void Digest_AcrossClockChange_FiresOncePerLocalDayAtSeven(string from, string to)
    {
        var fires = FireTimes(Settings.DigestCron, from, to);

        LocalDays(fires).ShouldBe(Days(from, to));
        fires.Select(f => TimeZoneInfo.ConvertTime(f, London).TimeOfDay).Distinct().ShouldBe([TimeSpan.FromHours(7)]);
    }

    [Test]
    public void NightlyRefresh_SpringForwardNight_RunsOnceAtTheEndOfTheSkippedHour()
    {
        var fires = FireTimes(Settings.RefreshCron, "2027-03-28", "2027-03-28");

        // 01:30 does not exist that night: Quartz fires at the first instant after the gap, 02:00 BST (01:00 UTC).
        fires.ShouldBe([new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero)]);
    }

    [Test]
    public void NightlyRefresh_FallBackNight_RunsOnceAtTheFirstHalfPastOne()
    {
        var fires = FireTimes(Settings.RefreshCron, "2027-10-31", "2027-10-31");

        // 01:30 happens twice that night (BST, then GMT); the refresh runs at the first only.
        fires.ShouldBe([new DateTimeOffset(2027, 10, 31, 0, 30, 0, TimeSpan.Zero)]);
    }

    [Test]
    public void Digest_SummerAndWinter_IsSevenLocalTime()
    {
        var summer = FireTimes(Settings.DigestCron, "2027-07-01", "2027-07-01").Single();
        var winter = FireTimes(Settings.DigestCron, "2027-12-01", "2027-12-01").Single();

        summer.ShouldBe(new DateTimeOffset(2027, 7, 1, 6, 0, 0, TimeSpan.Zero));
        winter.ShouldBe(new DateTimeOffset(2027, 12, 1, 7, 0, 0, TimeSpan.Zero));
    }

    [Test]
    public void Trigger_Built_FiresOnceNowAfterAMisfire()
    {
        var trigger = (ICronTrigger)Trigger(Settings.RefreshCron, new FakeTimeProvider(DateTimeOffset.UnixEpoch));

        trigger.MisfireInstruction.ShouldBe(CronTriggerMisfireInstruction.FireAndProceed);
    }

    /// <summary>Every fire time of the trigger from the start of the first local day to the end of the last, as the host builds it with the clock at the start.</summary>
    private static List<DateTimeOffset> FireTimes(string cron, string from, string to)
    {
        var start = LocalMidnight(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture));
        var end = LocalMidnight(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture).AddDays(1));
        var clock = new FakeTimeProvider(start);
        var trigger = Trigger(cron, clock);
        var fires = new List<DateTimeOffset>();
        for (var next = trigger.GetFireTimeAfter(start.AddSeconds(-1)); next is { } at && at < end; next = trigger.GetFireTimeAfter(at))
        {
            fires.Add(at);
            clock.Set(at);
        }

        return fires;
    }

    private static ITrigger Trigger(string cron, TimeProvider clock) =>
        ScheduleTriggers.Cron(ScheduleKeys.Refresh, ScheduleKeys.RefreshCron, cron, London, clock);

    private static DateTimeOffset LocalMidnight(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, London.GetUtcOffset(local));
    }

    private static List<DateOnly> LocalDays(IEnumerable<DateTimeOffset> fires) =>
        fires.Select(f => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(f, London).DateTime)).ToList();

    private static List<DateOnly> Days(string from, string to)
    {
        var first = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
        var last = DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture);
        return Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToList();
    }
}
