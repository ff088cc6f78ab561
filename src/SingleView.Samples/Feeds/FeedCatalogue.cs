namespace SingleView.Samples.Feeds;

/// <summary>The feeds of the synthetic authority, in the fixed order they are written.</summary>
internal static class FeedCatalogue
{
    public static readonly IReadOnlyList<string> Names =
    [
        SchoolFeed.Name, LcsFeed.Name, EarlyHelpFeed.Name, PoliceFeed.Name, HousingFeed.Name, AdultSocialCareFeed.Name,
        HealthFeed.Name, YouthJusticeFeed.Name,
    ];

    public static List<FeedWriter> Open(FeedContext context)
    {
        var writers = new List<FeedWriter>();
        try
        {
            writers.Add(new SchoolFeed(context));
            writers.Add(new LcsFeed(context));
            writers.Add(new EarlyHelpFeed(context));
            writers.Add(new PoliceFeed(context));
            writers.Add(new HousingFeed(context));
            writers.Add(new AdultSocialCareFeed(context));
            writers.Add(new HealthFeed(context));
            writers.Add(new YouthJusticeFeed(context));
            return writers;
        }
        catch
        {
            foreach (var writer in writers) writer.Dispose();
            throw;
        }
    }
}
