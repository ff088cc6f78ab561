using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using SingleView.Schedule.Configuration;
using SingleView.Schedule.Digests;

namespace SingleView.Schedule.Delivery;

/// <summary>What one delivery round did.</summary>
public sealed record DeliveryResult(int Sent, int Failed);

/// <summary>
/// Sends every digest not yet delivered: each with a few quick retries (Polly, exponential back-off); a
/// digest that still fails is recorded as failed with the error, logged, shown on the admin page, and
/// tried again by the next round (the delivery-retry schedule) until it has been tried
/// <see cref="ScheduleSettings.MaxDeliveryTries"/> times.
/// </summary>
public sealed class DigestDelivery(DigestStore store, IDigestSender sender, ScheduleSettings settings, TimeProvider timeProvider, ILogger<DigestDelivery> logger)
{
    // Polly waits on the real clock: a fake TimeProvider in tests would otherwise stop its back-off forever.
    private readonly ResiliencePipeline pipeline = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(0, settings.DeliveryAttempts - 1),
            Delay = settings.DeliveryRetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
        })
        .Build();

    public async Task<DeliveryResult> DeliverPendingAsync(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        var failed = 0;
        foreach (var digest in await store.UndeliveredAsync(settings.MaxDeliveryTries, cancellationToken))
        {
            var message = new DigestMessage(digest.Recipient, settings.From, digest.Subject, digest.Body, digest.DigestId);
            try
            {
                await pipeline.ExecuteAsync(async token => await sender.SendAsync(message, token), cancellationToken);
                await store.MarkSentAsync(digest.DigestId, timeProvider.GetUtcNow(), cancellationToken);
                sent++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failed++;
                logger.LogWarning(exception, "Digest {DigestId} to {Recipient} was not delivered (try {Try} of {MaxTries}); it will be tried again", digest.DigestId, digest.Recipient, digest.Attempts + 1, settings.MaxDeliveryTries);
                await store.MarkFailedAsync(digest.DigestId, timeProvider.GetUtcNow(), Describe(exception), cancellationToken);
            }
        }

        return new DeliveryResult(sent, failed);
    }

    private static string Describe(Exception exception)
    {
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException) messages.Add(e.Message);
        return string.Join(" — ", messages.Distinct());
    }
}
