namespace SingleView.Serve.Tests.Support;

/// <summary>A clock stopped at one instant, so ages and staleness do not change with the day the tests run.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
