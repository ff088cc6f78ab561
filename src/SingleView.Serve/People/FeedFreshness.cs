using SingleView.Core.Model;
using SingleView.Serve.Data;
using SingleView.Serve.Search;

namespace SingleView.Serve.People;

/// <summary>Whether a feed's data is too old to be trusted without a warning, and why.</summary>
internal static class FeedFreshness
{
    /// <summary>Null when fresh; otherwise the reason, in words for the banner.</summary>
    public static string? StaleReason(FeedStatusRow feed, DateOnly today, int staleAfterDays)
    {
        if (feed.State == nameof(FeedState.NotAvailable)) return "source not available";
        if (feed.State == nameof(FeedState.Held)) return "the latest delivery was held back" + (feed.CurrentAsOf is null ? string.Empty : $"; data is as of {feed.CurrentAsOf}");
        if (DateInput.FromIso(feed.CurrentAsOf) is not { } asOf) return "the date the data is current to is not known";
        var age = today.DayNumber - asOf.DayNumber;
        return age > staleAfterDays ? $"data is as of {feed.CurrentAsOf}, {age} days ago" : null;
    }
}
