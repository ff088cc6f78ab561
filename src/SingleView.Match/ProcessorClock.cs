using System.Diagnostics;

namespace SingleView.Match;

/// <summary>The process's CPU time between laps (every thread, so both cores' work and the garbage collector's).</summary>
internal sealed class ProcessorClock
{
    private TimeSpan last = Now;

    private static TimeSpan Now
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>CPU time since the previous lap (or since the clock was made).</summary>
    public TimeSpan Lap()
    {
        var now = Now;
        var lap = now - last;
        last = now;
        return lap;
    }
}
