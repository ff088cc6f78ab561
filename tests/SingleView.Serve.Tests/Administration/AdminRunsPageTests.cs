using System.Net;
using SingleView.Schedule.History;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Administration;

/// <summary>/admin/runs over the sample database with one recorded run; scheduling is not enabled in the test config.</summary>
public sealed class AdminRunsPageTests
{
    private TestDatabase? database;
    private TestApp? app;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        database = await SampleData.CreateAsync();
        var history = new RunHistory(database.Database, TimeProvider.System);
        var runId = await history.StartAsync("scheduled", 1, "host-a");
        await history.FailedAsync(runId, "ConfigurationException: pipelines/police.yaml: <b>delimiter</b>: is required");
        app = await TestApp.StartAsync(database.Database);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (app is not null) await app.DisposeAsync();
        database?.Dispose();
    }

    [Test]
    public async Task Get_Administrator_SeesTheFailedRunEncoded()
    {
        var html = await app!.As("administrator").GetStringAsync("/admin/runs");

        html.ShouldContain("&lt;b&gt;delimiter&lt;/b&gt;");
        html.ShouldNotContain("<b>delimiter</b>");
        html.ShouldContain("The view may be out of date");
    }

    [Test]
    public async Task Get_SocialWorker_IsForbidden()
    {
        var response = await app!.As("social_worker").GetAsync("/admin/runs");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task RunNow_SocialWorker_IsForbidden()
    {
        var response = await app!.As("social_worker").PostAsync("/admin/runs/run-now", SameOriginForm());

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task RunNow_FromAnotherSite_IsForbidden()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/runs/run-now") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Origin", "https://evil.example");

        var response = await app!.As("administrator").SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task RunNow_SchedulingNotEnabled_SaysSo()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/runs/run-now") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Origin", app!.Address.GetLeftPart(UriPartial.Authority));

        var response = await app.As("administrator").SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Scheduling is not enabled");
    }

    private static FormUrlEncodedContent SameOriginForm() => new([]);
}
