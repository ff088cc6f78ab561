namespace SingleView.Schedule.Tests.Support;

/// <summary>A clock the test sets and moves. Only "now" is faked; timers are the real ones.</summary>
internal sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Set(DateTimeOffset instant) => now = instant;

    public void Advance(TimeSpan by) => now += by;
}
