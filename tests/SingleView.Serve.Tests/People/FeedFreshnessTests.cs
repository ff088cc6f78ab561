using SingleView.Serve.Data;
using SingleView.Serve.People;

namespace SingleView.Serve.Tests.People;

public sealed class FeedFreshnessTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    [Test]
    public void StaleReason_WithinStaleAfterDays_IsNull()
    {
        FeedFreshness.StaleReason(new FeedStatusRow { State = "Current", CurrentAsOf = "2026-11-14" }, Today, 7).ShouldBeNull();
    }

    [Test]
    public void StaleReason_OlderThanStaleAfterDays_SaysHowOld()
    {
        FeedFreshness.StaleReason(new FeedStatusRow { State = "NoNewDelivery", CurrentAsOf = "2026-11-13" }, Today, 7)
            .ShouldBe("data is as of 2026-11-13, 8 days ago");
    }

    [Test]
    public void StaleReason_Held_IsStaleEvenIfRecent()
    {
        FeedFreshness.StaleReason(new FeedStatusRow { State = "Held", CurrentAsOf = "2026-11-20" }, Today, 7).ShouldNotBeNull();
    }

    [Test]
    public void StaleReason_NotAvailable_SaysSo()
    {
        FeedFreshness.StaleReason(new FeedStatusRow { State = "NotAvailable" }, Today, 7).ShouldBe("source not available");
    }
}
