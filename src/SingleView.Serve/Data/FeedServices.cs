using SingleView.Core.Model;

namespace SingleView.Serve.Data;

/// <summary>Which service each feed serves, so that a record of a feed can be hidden from a role that may not see its service.</summary>
internal sealed class FeedServices(IReadOnlyDictionary<string, Service> byFeed)
{
    /// <summary>Null for a feed the database does not describe: such records are treated as not shareable.</summary>
    public Service? ServiceOf(string feed) => byFeed.TryGetValue(feed, out var service) ? service : null;
}
