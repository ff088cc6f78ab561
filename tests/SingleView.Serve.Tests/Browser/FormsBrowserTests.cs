using System.Net.Http.Json;
using Microsoft.Playwright;
using SingleView.Publish;
using SingleView.Serve.Tests.Support;
using SingleView.Tests.Shared;

namespace SingleView.Serve.Tests.Browser;

/// <summary>
/// Every form a page posts, submitted in Chromium as a person would: the decision and its undo, the "this is not
/// the same person" report, resolving a report, "Run now" and the demo sign-in. Each test reads what the person
/// sees after sending, so a form the server refuses (as it did every one while pages sent no-referrer) fails here.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class FormsBrowserTests() : SampleAppFixture(DatabaseProvider.Sqlite)
{
    private const string Officer = "data_quality_officer";
    private ChromiumSession? chromium;
    private TestDatabase? schedulingDatabase;
    private TestApp? schedulingApp;
    private string? schedulingFolder;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        chromium = await ChromiumSession.LaunchAsync();
        var db = SampleDatabase;
        await db.AddMatchPairAsync("police", "P-9", "housing", "H-1", 0.1, 0.52, """{"prior": -6.5, "comparisons": []}""");
        await db.AddMatchPairAsync("school", "S-1", "police", "P-7", 3.0, 0.9, """{"prior": -6.5, "comparisons": [{"comparison": "date of birth", "level": "exact", "weight": 9.8}]}""");
        await db.ExecuteAsync("UPDATE match_pair SET decision = 'review' WHERE record_b IN ('H-1', 'P-7')", new { });
        await db.AddSourceRecordAsync("police", "P-7", SampleData.Child, "Niche RMS", "Jaden", "Smyth", "2014-03-27");
        await db.AddSourceRecordAsync("housing", "H-1", SampleData.Mother, "Northgate Housing", "Karen", "Smith", "1985-06-04");
    }

    [OneTimeTearDown]
    public async Task TearDownAsync()
    {
        if (chromium is not null) await chromium.DisposeAsync();
        if (schedulingApp is not null) await schedulingApp.DisposeAsync();
        schedulingDatabase?.Dispose();
        if (schedulingFolder is not null) Directory.Delete(schedulingFolder, recursive: true);
    }

    [Test]
    public async Task DecisionForm_SubmittedInChromium_IsRecordedAndListed()
    {
        var page = await chromium!.PageAsAsync(App, Officer);
        await page.GotoAsync("/workbench/review");
        await page.Locator($"a[href='{PairPath("police:P-7", "school:S-1")}']").First.ClickAsync();

        await page.GetByLabel("Not the same person").CheckAsync();
        await page.GetByLabel("Reason").FillAsync("different family names and no shared identifier");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();

        await page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Recorded." }).WaitForAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("different — “different family names and no shared identifier” by ");
        await ChromiumSession.ScreenshotAsync(page, "workbench-decision-recorded");
    }

    [Test]
    public async Task DecisionForm_SubmittedAt768Wide_IsRecorded()
    {
        var page = await chromium!.PageAsAsync(App, Officer, viewport: new ViewportSize { Width = 768, Height = 1024 });
        await page.GotoAsync(PairPath("police:P-7", "school:S-1"));

        await page.GetByLabel("Not sure").CheckAsync();
        await page.GetByLabel("Reason").FillAsync("asked the school for the child's other name");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();

        await page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Recorded." }).WaitForAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("“asked the school for the child's other name”");
        await ChromiumSession.ScreenshotAsync(page, "workbench-decision-recorded-768");
    }

    [Test]
    public async Task UndoForm_SubmittedInChromium_WithdrawsTheLiveDecision()
    {
        var page = await chromium!.PageAsAsync(App, Officer);
        await page.GotoAsync(PairPath("housing:H-1", "police:P-9"));
        await page.GetByLabel("Same person", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Reason").FillAsync("same date of birth and home");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Recorded." }).WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Undo the live decision" }).ClickAsync();

        await page.GetByText("— undone by ").WaitForAsync();
        (await page.GetByRole(AriaRole.Button, new() { Name = "Undo the live decision" }).CountAsync()).ShouldBe(0);
    }

    [Test]
    public async Task WrongLinkReportForm_SubmittedInChromium_SaysTheReportWasSent()
    {
        var page = await chromium!.PageAsAsync(App, "social_worker");
        await page.GotoAsync($"/people/{SampleData.Child}");

        await page.Locator("summary", new() { HasText = "Report: this is not the same person" }).ClickAsync();
        await page.GetByLabel("One record").SelectOptionAsync("school:S-1");
        await page.GetByLabel("belongs to a different person from").SelectOptionAsync("lcs:L-1");
        await page.GetByLabel("What makes you think so").FillAsync("the LCS record is a cousin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Report sent", Level = 1 }).WaitForAsync();
        await ChromiumSession.ScreenshotAsync(page, "wrong-link-report-sent");
        var officer = await chromium.PageAsAsync(App, Officer);
        await officer.GotoAsync("/workbench/reports");
        (await officer.Locator("main").InnerTextAsync()).ShouldContain("the LCS record is a cousin");
    }

    [Test]
    public async Task ResolveForm_SubmittedInChromium_TakesTheReportOffTheList()
    {
        using var sent = await App.As("health").PostAsJsonAsync($"/api/people/{SampleData.Mother}/wrong-link", new { comment = "two Karens in one record" });
        sent.EnsureSuccessStatusCode();
        var page = await chromium!.PageAsAsync(App, Officer);
        await page.GotoAsync("/workbench/reports");
        var card = page.Locator(".govuk-summary-card", new() { HasText = "two Karens in one record" });

        await card.GetByRole(AriaRole.Button, new() { Name = "Mark as dealt with" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Reported wrong links", Level = 1 }).WaitForAsync();
        page.Url.ShouldEndWith("/workbench/reports");
        (await page.Locator("main").InnerTextAsync()).ShouldNotContain("two Karens in one record");
    }

    [Test]
    public async Task RunNowForm_SubmittedInChromium_SaysTheRefreshWasAskedFor()
    {
        var app = await SchedulingAppAsync();
        var page = await chromium!.PageAsAsync(app, "administrator");
        await page.GotoAsync("/admin/runs");

        await page.GetByRole(AriaRole.Button, new() { Name = "Run now" }).ClickAsync();

        await page.GetByText("The refresh has been asked for.").WaitForAsync();
        page.Url.ShouldEndWith("/admin/runs?requested=1");
        await ChromiumSession.ScreenshotAsync(page, "admin-run-now-requested");
    }

    [Test]
    public async Task DemoSignInForm_SubmittedInChromium_SignsInAndOpensSearch()
    {
        await using var demo = await TestApp.StartAsync(SampleDatabase.Database, demoMode: true);
        var page = await chromium!.PageAsAsync(demo, role: null);
        await page.GotoAsync("/search");

        await page.GetByLabel("Social worker").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByText("Signed in as").WaitForAsync();
        page.Url.ShouldEndWith("/search");
        (await page.Locator(".app-signed-in").InnerTextAsync()).ShouldContain("Social worker");
    }

    private static string PairPath(string left, string right) => "/workbench/pairs/" + Uri.EscapeDataString(left) + "/" + Uri.EscapeDataString(right);

    // "Run now" exists only where scheduling is on: its own database and config folder, with a refresh that fails
    // fast (no pipelines folder) and schedules that do not fire during the test.
    private async Task<TestApp> SchedulingAppAsync()
    {
        if (schedulingApp is not null) return schedulingApp;
        schedulingFolder = Directory.CreateTempSubdirectory("singleview-run-now-").FullName;
        var config = Path.Combine(schedulingFolder, "config");
        Directory.CreateDirectory(config);
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.Config)) File.Copy(file, Path.Combine(config, Path.GetFileName(file)));
        await File.WriteAllTextAsync(Path.Combine(config, "schedule.yaml"), $"""
            enabled: true
            schedules:
              refresh: "0 0 0 1 1 ? 2099"
              digest: "0 0 0 1 1 ? 2099"
              delivery_retry: "0 0 0 1 1 ? 2099"
              retention: "0 0 0 1 1 ? 2099"
            refresh:
              retry_count: 0
              data_directory: {Path.Combine(schedulingFolder, "data")}
              pipelines_directory: {Path.Combine(schedulingFolder, "no-such-pipelines")}
            """);
        schedulingDatabase = await SampleData.CreateAsync();
        schedulingApp = await TestApp.StartAsync(schedulingDatabase.Database, configDirectory: config);
        return schedulingApp;
    }
}
