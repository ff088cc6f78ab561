using Microsoft.Extensions.Logging;
using SingleView.Ingest.Definitions;

namespace SingleView.Standardise;

/// <summary>
/// The ingest stage of the nightly refresh: every feed in turn, a failure in one never stopping the
/// others (a late or broken feed must not hold up the rest of the authority's data), then the feed's
/// retention applied to its lake files.
/// </summary>
public sealed class IngestStage(FeedProcessor processor, ILogger<IngestStage> logger)
{
    /// <summary>Every feed; <paramref name="published"/> as <see cref="FeedProcessor.ProcessAsync"/> takes it (a refresh passes what the view shows).</summary>
    public async Task<IReadOnlyList<StandardisedFeed>> RunAsync(
        IEnumerable<FeedDefinition> definitions, string dropRoot, CancellationToken cancellationToken, IReadOnlyDictionary<string, DateOnly?>? published = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var feeds = new List<StandardisedFeed>();
        foreach (var definition in definitions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            feeds.Add(await ProcessOneAsync(definition, dropRoot, published, cancellationToken));
            ApplyRetention(definition);
        }

        return feeds;
    }

    // After the feed is processed, so that the delivery just standardised counts as the last good one.
    private void ApplyRetention(FeedDefinition definition)
    {
        try
        {
            processor.ApplyRetention(definition);
        }
        catch (IOException exception)
        {
            logger.LogError(exception, "{Feed}: retention could not be applied; it is tried again on the next run", definition.Feed);
        }
        catch (UnauthorizedAccessException exception)
        {
            logger.LogError(exception, "{Feed}: retention could not be applied; it is tried again on the next run", definition.Feed);
        }
    }

    private async Task<StandardisedFeed> ProcessOneAsync(
        FeedDefinition definition, string dropRoot, IReadOnlyDictionary<string, DateOnly?>? published, CancellationToken cancellationToken)
    {
        try
        {
            return await processor.ProcessAsync(definition, dropRoot, cancellationToken, published);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "{Feed}: ingest failed; the feed is held", definition.Feed);
            var message = $"ingest failed: {exception.Message}";
            try
            {
                return await processor.HoldAsync(definition, message, cancellationToken);
            }
            catch (Exception fallback) when (fallback is not OperationCanceledException)
            {
                logger.LogError(fallback, "{Feed}: the last good delivery could not be read either", definition.Feed);
                return new StandardisedFeed(
                    definition,
                    FeedProcessor.Coverage(definition, Core.Model.FeedState.Held, null, 0, 0, $"{message}; the last good delivery could not be read: {fallback.Message}"),
                    []);
            }
        }
    }
}
