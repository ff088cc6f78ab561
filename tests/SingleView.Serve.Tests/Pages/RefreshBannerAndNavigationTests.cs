using SingleView.Schedule.History;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Pages;

/// <summary>Every page says when the last refresh failed, and each role's menu shows only what it may open.</summary>
public sealed class RefreshBannerAndNavigationTests
{
    private TestDatabase? database;
    private TestApp? app;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        database = await SampleData.CreateAsync();
        var history = new RunHistory(database.Database, TimeProvider.System);
        var runId = await history.StartAsync("scheduled", 1, "host-a");
        await history.FailedAsync(runId, "IOException: disk full");
        app = await TestApp.StartAsync(database.Database);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (app is not null) await app.DisposeAsync();
        database?.Dispose();
    }

    [Test]
    public async Task SearchPage_LatestRefreshFailed_ShowsTheStaleBanner()
    {
        // The banner's status is read in the background when the host starts: give it a moment.
        var html = string.Empty;
        for (var attempt = 0; attempt < 50 && !html.Contains("This view may be out of date", StringComparison.Ordinal); attempt++)
        {
            html = await app!.As("social_worker").GetStringAsync("/search");
            if (!html.Contains("This view may be out of date", StringComparison.Ordinal)) await Task.Delay(100);
        }

        html.ShouldContain("This view may be out of date");
        html.ShouldContain("The latest refresh failed");
    }

    [Test]
    public async Task Menu_DataQualityOfficer_LinksToTheWorkbench()
    {
        var html = await app!.As("data_quality_officer").GetStringAsync("/search");

        html.ShouldContain("href=\"/workbench\"");
    }

    [Test]
    public async Task Menu_SocialWorker_HasNoWorkbenchNorAdministration()
    {
        var html = await app!.As("social_worker").GetStringAsync("/search");

        html.ShouldNotContain("href=\"/workbench\"");
        html.ShouldNotContain("href=\"/admin/runs\"");
    }

    [Test]
    public async Task Menu_Administrator_LinksToRefreshRuns()
    {
        var html = await app!.As("administrator").GetStringAsync("/search");

        html.ShouldContain("href=\"/admin/runs\"");
    }
}
