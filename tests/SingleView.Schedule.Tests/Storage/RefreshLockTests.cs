using SingleView.Publish;
using SingleView.Schedule.Storage;
using SingleView.Schedule.Tests.Support;

namespace SingleView.Schedule.Tests.Storage;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class RefreshLockTests(DatabaseProvider provider)
{
    [Test]
    public async Task TryAcquire_WhileHeld_ReturnsNull()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var refreshLock = new RefreshLock(db.Database, TimeProvider.System);
        await using var first = await refreshLock.TryAcquireAsync("scheduler");

        var second = await refreshLock.TryAcquireAsync("singleview refresh");

        first.ShouldNotBeNull();
        second.ShouldBeNull();
    }

    [Test]
    public async Task TryAcquire_AfterRelease_Succeeds()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var refreshLock = new RefreshLock(db.Database, TimeProvider.System);
        await (await refreshLock.TryAcquireAsync("scheduler"))!.DisposeAsync();

        await using var again = await refreshLock.TryAcquireAsync("singleview refresh");

        again.ShouldNotBeNull();
    }

    [Test]
    public async Task Acquire_WhileHeld_ThrowsNamingTheHolder()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var refreshLock = new RefreshLock(db.Database, TimeProvider.System);
        await using var held = await refreshLock.AcquireAsync("scheduler on host-a");

        var error = await Should.ThrowAsync<RefreshLockBusyException>(() => refreshLock.AcquireAsync("singleview refresh"));

        error.Message.ShouldContain("scheduler on host-a");
    }

    [Test]
    public async Task CurrentHolder_WhileHeld_IsTheHolder()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var refreshLock = new RefreshLock(db.Database, TimeProvider.System);
        await using var held = await refreshLock.AcquireAsync("singleview refresh (cli)");

        (await refreshLock.CurrentHolderAsync())!.Holder.ShouldBe("singleview refresh (cli)");
    }
}

/// <summary>The lock dies with its holder: nothing a killed holder leaves behind blocks the next refresh.</summary>
public sealed class RefreshLockHolderDiesTests
{
    [Test]
    public async Task TryAcquire_WhileAnotherProcessHoldsTheSqliteLockFile_ReturnsNull()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var holder = await LockFileHolder.StartAsync(RefreshLock.LockFilePath(db.Database));

        var lease = await new RefreshLock(db.Database, TimeProvider.System).TryAcquireAsync("singleview refresh");

        lease.ShouldBeNull();
    }

    [Test]
    public async Task TryAcquire_AfterTheProcessHoldingTheSqliteLockIsKilled_Succeeds()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using (var holder = await LockFileHolder.StartAsync(RefreshLock.LockFilePath(db.Database)))
        {
            holder.Kill();
        }

        await using var lease = await new RefreshLock(db.Database, TimeProvider.System).TryAcquireAsync("singleview refresh");

        lease.ShouldNotBeNull();
    }

    [Test]
    public async Task TryAcquire_AfterThePostgreSqlHoldersSessionIsTerminated_Succeeds()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var refreshLock = new RefreshLock(db.Database, TimeProvider.System);
        var abandoned = await refreshLock.TryAcquireAsync("a host that died");
        await db.ExecuteAsync(
            "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid::bigint = @Low AND granted",
            new { Low = RefreshLock.PostgreSqlLockKey & 0xFFFF_FFFF });

        await using var taken = await refreshLock.TryAcquireAsync("scheduler");

        abandoned.ShouldNotBeNull();
        taken.ShouldNotBeNull();
    }

    [Test]
    public async Task CurrentHolder_AfterTheHolderReleased_IsNobody()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var refreshLock = new RefreshLock(db.Database, TimeProvider.System);
        await (await refreshLock.AcquireAsync("scheduler")).DisposeAsync();

        (await refreshLock.CurrentHolderAsync()).ShouldBeNull();
    }

    /// <summary>util-linux's flock(1) holding the lock file in a process of its own, as a refresh would (--close: only flock holds it, not its sleep).</summary>
    private sealed class LockFileHolder : IDisposable
    {
        private readonly System.Diagnostics.Process process;

        private LockFileHolder(System.Diagnostics.Process process) => this.process = process;

        public static async Task<LockFileHolder> StartAsync(string lockPath)
        {
            var ready = lockPath + ".ready";
            var start = new System.Diagnostics.ProcessStartInfo("flock") { UseShellExecute = false };
            foreach (var argument in new[] { "--exclusive", "--close", lockPath, "sh", "-c", $"touch '{ready}'; exec sleep 60" }) start.ArgumentList.Add(argument);
            var holder = new LockFileHolder(System.Diagnostics.Process.Start(start)!);
            for (var i = 0; i < 200 && !File.Exists(ready); i++) await Task.Delay(25);
            File.Exists(ready).ShouldBeTrue("flock never took the lock file");
            return holder;
        }

        public void Kill()
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        public void Dispose()
        {
            if (!process.HasExited) Kill();
            process.Dispose();
        }
    }
}
