using SingleView.Publish;

namespace SingleView.Serve.Tests.Support;

/// <summary>The sample serving database and the app over it, started once per fixture and provider.</summary>
public abstract class SampleAppFixture(DatabaseProvider provider)
{
    private TestDatabase? database;
    private TestApp? app;

    internal TestDatabase SampleDatabase => database ?? throw new InvalidOperationException("the fixture has not started");

    internal TestApp App => app ?? throw new InvalidOperationException("the fixture has not started");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        database = await SampleData.CreateAsync(provider);
        app = await TestApp.StartAsync(database.Database);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        // Nothing was started when the fixture was skipped for want of a PostgreSQL server.
        if (app is not null) await app.DisposeAsync();
        database?.Dispose();
    }
}
