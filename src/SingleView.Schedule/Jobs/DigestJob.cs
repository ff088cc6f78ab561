using Microsoft.Extensions.Logging;
using Quartz;
using SingleView.Schedule.Delivery;
using SingleView.Schedule.Digests;

namespace SingleView.Schedule.Jobs;

/// <summary>The 07:00 digest: make each subscription's digest, then deliver everything not yet delivered.</summary>
[DisallowConcurrentExecution]
internal sealed class DigestJob(DigestBuilder builder, DigestDelivery delivery, ILogger<DigestJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var made = await builder.BuildAsync(cancellationToken);
        var result = await delivery.DeliverPendingAsync(cancellationToken);
        logger.LogInformation("Digest: {Made} made, {Sent} sent, {Failed} failed", made.Count, result.Sent, result.Failed);
    }
}

/// <summary>Tries again the digests whose delivery failed.</summary>
[DisallowConcurrentExecution]
internal sealed class DeliveryRetryJob(DigestDelivery delivery) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await delivery.DeliverPendingAsync(cancellationToken);
}
