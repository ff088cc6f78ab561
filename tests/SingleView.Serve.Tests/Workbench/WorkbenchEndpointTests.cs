using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SingleView.Publish;
using SingleView.Serve.Audit;
using SingleView.Serve.Tests.Support;
using SingleView.Serve.Workbench;

namespace SingleView.Serve.Tests.Workbench;

/// <summary>The workbench through the real app: the queue's order, the pair page, decisions over the API and reports from person pages.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class WorkbenchEndpointTests(DatabaseProvider provider) : SampleAppFixture(provider)
{
    private const string Officer = "data_quality_officer";

    [OneTimeSetUp]
    public async Task AddReviewPairsAsync()
    {
        var db = SampleDatabase;
        // Adults (police P-9 and lcs L-2 belong to the mother): a close call but adults.
        await db.AddMatchPairAsync("police", "P-9", "housing", "H-1", 0.1, 0.52, """{"prior": -6.5, "comparisons": []}""");
        await db.ExecuteAsync("UPDATE match_pair SET decision = 'review' WHERE record_b = 'H-1'", new { });
        // Children (school S-1 belongs to the child): a less close call, but a child with current involvements.
        await db.AddMatchPairAsync("school", "S-1", "police", "P-7", 3.0, 0.9, """{"prior": -6.5, "comparisons": [{"comparison": "date of birth", "level": "exact", "weight": 9.8}]}""");
        await db.ExecuteAsync("UPDATE match_pair SET decision = 'review' WHERE record_b = 'P-7'", new { });
        await db.AddSourceRecordAsync("police", "P-7", SampleData.Restricted, "Niche RMS", "Jaden", "Smyth", "2014-03-27");
        await db.AddSourceRecordAsync("housing", "H-1", SampleData.Mother, "Northgate Housing", "Karen", "Smith", "1985-06-04");
    }

    [Test]
    public async Task ReviewQueue_ChildrenBeforeAdults()
    {
        var items = await App.As(Officer).GetFromJsonAsync<JsonElement>("/api/workbench/review");

        var pairs = items.EnumerateArray().Select(i => i.GetProperty("pair").GetProperty("left").GetProperty("feed").GetString() + ":" + i.GetProperty("pair").GetProperty("left").GetProperty("recordId").GetString()).ToList();
        pairs.IndexOf("police:P-7").ShouldBeLessThan(pairs.IndexOf("housing:H-1"));
    }

    [Test]
    public async Task PairPage_ShowsFieldsSideBySideWithDifferencesNamedInText()
    {
        var html = await App.As(Officer).GetStringAsync("/workbench/pairs/" + Uri.EscapeDataString("school:S-1") + "/" + Uri.EscapeDataString("police:P-7"));

        html.ShouldContain("Smyth");
        html.ShouldContain("app-differs");
        html.ShouldContain(">Differs<");
        html.ShouldContain("date of birth");
        html.ShouldContain("name=\"expected\" value=\"none\"");
    }

    [Test]
    public async Task DecisionApi_SecondOfficerAgainstTheSameState_Gets409WithAClearMessage()
    {
        var path = "/api/workbench/pairs/" + Uri.EscapeDataString("police:P-9") + "/" + Uri.EscapeDataString("housing:H-1");
        var body = new { decision = "different", reason = "different dates of birth", expected = "none" };

        using var first = await App.As(Officer).PostAsJsonAsync(path + "/decisions", body);
        using var second = await App.As(Officer).PostAsJsonAsync(path + "/decisions", body with { });

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.Content.ReadAsStringAsync()).ShouldContain("Someone else decided this pair");
        var state = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString();
        using var undo = await App.As(Officer).PostAsJsonAsync(path + "/undo", new { decisionId = state });
        undo.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await undo.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().ShouldBe(PairKeys.NoDecision);
    }

    [Test]
    public async Task WrongLinkReport_FromAnyUser_LandsInTheQueueWithWhoSentIt()
    {
        using var sent = await App.As("health").PostAsJsonAsync($"/api/people/{SampleData.Child}/wrong-link", new { firstRecord = "school:S-1", secondRecord = "lcs:L-1", comment = "=not the same boy" });

        sent.StatusCode.ShouldBe(HttpStatusCode.Created);
        var reports = await App.As(Officer).GetFromJsonAsync<JsonElement>("/api/workbench/reports");
        var report = reports.EnumerateArray().Single(r => r.GetProperty("comment").GetString() == "=not the same boy");
        report.GetProperty("reportedByName").GetString().ShouldBe("Test health");
        report.GetProperty("reportedRole").GetString().ShouldBe("health");
        report.GetProperty("goldenId").GetString().ShouldBe(SampleData.Child);
        var html = await App.As(Officer).GetStringAsync("/workbench/reports");
        html.ShouldContain("Test health");
        var audit = new List<AuditEntry>();
        await foreach (var entry in AuditStore.AllAsync(SampleDatabase.Database, default)) audit.Add(entry);
        audit.ShouldContain(e => e.Action == WorkbenchEndpoints.ReportAction && e.GoldenId == SampleData.Child && e.Role == "health");
    }

    [Test]
    public async Task WrongLinkReport_PersonOutsideTheUsersScope_IsNotFiled()
    {
        using var sent = await App.As("school_dsl", SampleData.OwnSchoolUrn).PostAsJsonAsync($"/api/people/{SampleData.OtherPupil}/wrong-link", new { comment = "not her" });

        sent.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task PersonPage_AnySignedInUser_SeesTheReportForm()
    {
        var html = await App.As("social_worker").GetStringAsync($"/people/{SampleData.Child}");

        html.ShouldContain($"action=\"/people/{SampleData.Child}/wrong-link\"");
        html.ShouldContain("value=\"school:S-1\"");
    }
}
