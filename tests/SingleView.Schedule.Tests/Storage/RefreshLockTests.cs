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

public sealed class RefreshLockLeaseTests
{
    [Test]
    public async Task TryAcquire_SqliteLeaseExpired_TakesItOver()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 1, 30, 0, TimeSpan.Zero));
        var refreshLock = new RefreshLock(db.Database, clock, TimeSpan.FromHours(6));
        var abandoned = await refreshLock.TryAcquireAsync("a host that died");
        clock.Advance(TimeSpan.FromHours(7));

        await using var taken = await refreshLock.TryAcquireAsync("scheduler");

        abandoned.ShouldNotBeNull();
        taken.ShouldNotBeNull();
    }
}
