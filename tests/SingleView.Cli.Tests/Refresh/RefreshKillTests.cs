using System.Diagnostics;
using System.Globalization;
using SingleView.Publish;
using SingleView.Schedule.History;
using SingleView.Tests.Shared;

namespace SingleView.Cli.Tests.Refresh;

/// <summary>
/// Kills the real <c>singleview refresh</c> process (SIGKILL: no clean-up code runs) at random moments all
/// through a run, and checks that the refresh after each kill publishes, and that the killed run shows as
/// interrupted in the run history instead of running for ever. A small authority keeps the twenty kills
/// and their twenty recoveries to a couple of minutes.
/// </summary>
public class RefreshKillTests
{
    private const int Kills = 20;
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "singleview.dll");

    private string folder = string.Empty;
    private string drops = string.Empty;

    [OneTimeSetUp]
    public async Task GenerateAuthority()
    {
        folder = Directory.CreateTempSubdirectory("singleview-refresh-kill-").FullName;
        var authority = Path.Combine(folder, "authority");
        using var output = new StringWriter();
        (await CommandLine.RunAsync(["samples", "generate", "--children", "40", "--seed", "3", "--out", authority, "--extract-date", "2026-11-20"], TimeProvider.System, output, output))
            .ShouldBe(0);
        drops = Path.Combine(authority, "drops");
    }

    [OneTimeTearDown]
    public void DeleteFolder()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task Refresh_KilledAtTwentyRandomMoments_NextRefreshPublishesAndTheKilledRunShowsInterrupted()
    {
        var data = Path.Combine(folder, "data");
        var history = new RunHistory(ServingDatabase.Sqlite(Path.Combine(data, "singleview.db")), TimeProvider.System);
        // The first run also pays for a cold start; each kill's delay is drawn over the length of the latest whole run.
        var (firstExit, _) = await RunToTheEndAsync(data);
        firstExit.ShouldBe(0);
        var (cleanExit, cleanRun) = await RunToTheEndAsync(data);
        cleanExit.ShouldBe(0);
        var seed = Environment.TickCount;
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clean refresh {cleanRun.TotalSeconds:0.0}s; random seed {seed}"));
        var random = new Random(seed);
        var killedWhileRunning = 0;
        var interrupted = 0;

        for (var kill = 1; kill <= Kills; kill++)
        {
            var runsBefore = (await history.RecentAsync(1000)).Count;
            var delay = TimeSpan.FromMilliseconds(random.NextDouble() * cleanRun.TotalMilliseconds * 0.95);
            var killed = await RunAndKillAfterAsync(data, delay);
            if (killed) killedWhileRunning++;
            var runsAfterKill = (await history.RecentAsync(1000)).Count;

            var (exit, duration) = await RunToTheEndAsync(data);
            exit.ShouldBe(0, $"kill {kill} after {delay.TotalMilliseconds:0} ms (seed {seed}): the next refresh did not publish");
            cleanRun = duration;

            var runs = await history.RecentAsync(1000);
            runs.ShouldNotContain(r => r.Outcome == RunOutcome.Running, $"kill {kill} after {delay.TotalMilliseconds:0} ms (seed {seed})");
            runs[0].Outcome.ShouldBe(RunOutcome.Succeeded);
            if (killed && runsAfterKill > runsBefore)
            {
                // The killed run had recorded its start: the refresh after it found it and marked it, unless
                // the kill landed after the run had recorded its success (the process was only exiting).
                runs[1].Outcome.ShouldBeOneOf([RunOutcome.Interrupted, RunOutcome.Succeeded], $"kill {kill} after {delay.TotalMilliseconds:0} ms (seed {seed})");
                if (runs[1].Outcome == RunOutcome.Interrupted) interrupted++;
            }
        }

        TestContext.Out.WriteLine($"{killedWhileRunning} of {Kills} kills landed while the refresh was running, {interrupted} after it had recorded its start");
        killedWhileRunning.ShouldBeGreaterThanOrEqualTo(Kills / 2);
        interrupted.ShouldBeGreaterThan(0);
    }

    private Process Start(string data)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Dll, "refresh", "--data", data, "--config", RepositoryRoot.Config, "--pipelines", RepositoryRoot.Pipelines, "--drops", drops })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<(int Exit, TimeSpan Duration)> RunToTheEndAsync(string data)
    {
        var watch = Stopwatch.StartNew();
        using var process = Start(data);
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, watch.Elapsed);
    }

    // True when the process was still running when killed.
    private async Task<bool> RunAndKillAfterAsync(string data, TimeSpan delay)
    {
        using var process = Start(data);
        await Task.Delay(delay);
        var killed = !process.HasExited;
        if (killed) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        return killed;
    }
}
