namespace SingleView.Serve.Tests.Workbench;

/// <summary>A clock that moves on a second at every reading, so that one decision is always later than the one before (as in life).</summary>
internal sealed class SteppingTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref ticks, TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
