using SingleView.Schedule.History;

namespace SingleView.Serve.Tests.Support;

/// <summary>
/// The sample app whose run history ends in a failed refresh: the previous publication is still in
/// service, and the view must say so. Scheduling itself is not enabled in the test config.
/// </summary>
public abstract class FailedRefreshAppFixture
{
    private TestDatabase? database;
    private TestApp? app;

    /// <summary>The failed run's error, as the history keeps it.</summary>
    protected abstract string FailureMessage { get; }

    private protected TestApp App => app ?? throw new InvalidOperationException("The app has not started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        database = await SampleData.CreateAsync();
        var history = new RunHistory(database.Database, TimeProvider.System);
        var runId = await history.StartAsync("scheduled", 1, "host-a");
        await history.FailedAsync(runId, FailureMessage);
        app = await TestApp.StartAsync(database.Database);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (app is not null) await app.DisposeAsync();
        database?.Dispose();
    }
}
