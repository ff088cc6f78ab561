using System.Net;
using System.Text.Json;
using SingleView.Publish;
using SingleView.Serve.Audit;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Endpoints;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class AuditEndpointTests(DatabaseProvider provider) : SampleAppFixture(provider)
{
    private const string Hostile = "<script>alert('x')</script>'; DROP TABLE person; --";

    [Test]
    public async Task Search_HostileTerms_AreStoredExactlyAndShownInert()
    {
        var client = App.As("social_worker");

        var html = await client.GetStringAsync($"/search?name={Uri.EscapeDataString(Hostile)}&postcode={Uri.EscapeDataString("<b>SK1</b>")}");

        html.ShouldNotContain("<script>alert('x')</script>");
        html.ShouldContain("&lt;script&gt;");
        var entry = (await EntriesAsync()).Last(e => e.Action == AuditActions.Search);
        var terms = JsonSerializer.Deserialize<Dictionary<string, string>>(entry.SearchTerms!)!;
        terms["name"].ShouldBe(Hostile);
        terms["postcode"].ShouldBe("<b>SK1</b>");
        entry.Role.ShouldBe("social_worker");
        entry.UserName.ShouldBe("Test social_worker");
        (await App.As("social_worker").GetAsync($"/people/{SampleData.Child}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task ApiSearch_IsRecordedWithTermsAndResultCount()
    {
        await App.As("health").GetStringAsync("/api/search?name=Jayden%20Smith&dob=27/03/2014");

        var entry = (await EntriesAsync()).Last(e => e.Action == AuditActions.Search);
        entry.Role.ShouldBe("health");
        entry.SearchTerms.ShouldBe("""{"name":"Jayden Smith","dob":"27/03/2014"}""");
        entry.ResultCount.ShouldBe(1);
    }

    [Test]
    public async Task PersonView_IsRecordedWithWhoWhenAndWhichPerson()
    {
        await App.As("social_worker").GetStringAsync($"/api/people/{SampleData.Mother}");

        var entry = (await EntriesAsync()).Last(e => e.Action == AuditActions.View);
        entry.GoldenId.ShouldBe(SampleData.Mother);
        entry.Role.ShouldBe("social_worker");
        entry.OccurredAt.ShouldStartWith("2026-11-21T09:00:00");
        entry.UserSubject.ShouldNotBeNullOrWhiteSpace();
    }

    [Test]
    public async Task PersonPage_RoleRequiringPurpose_AsksForItAndShowsNothingAboutThePerson()
    {
        var html = await App.As("police").GetStringAsync($"/people/{SampleData.Mother}");

        html.ShouldContain("Why do you need to see this record?");
        html.ShouldNotContain("Karen");
        html.ShouldNotContain("Niche RMS");
    }

    [Test]
    public async Task PersonApi_RoleRequiringPurpose_WithoutOne_IsBadRequest()
    {
        var response = await App.As("probation").GetAsync($"/api/people/{SampleData.Mother}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Karen");
    }

    [Test]
    public async Task PersonPage_StatedPurpose_IsRecordedExactly()
    {
        const string purpose = "Strategy discussion <ref 42> & 'urgent'";

        var html = await App.As("police").GetStringAsync($"/people/{SampleData.Mother}?purpose={Uri.EscapeDataString(purpose)}");

        html.ShouldContain("Karen");
        var entry = (await EntriesAsync()).Last(e => e.Action == AuditActions.View);
        entry.Purpose.ShouldBe(purpose);
        entry.Role.ShouldBe("police");
    }

    [Test]
    public async Task PersonPage_OutOfScope_IsRecordedAsRefused()
    {
        await App.As("school_dsl", SampleData.OwnSchoolUrn).GetAsync($"/people/{SampleData.OtherPupil}");

        var entry = (await EntriesAsync()).Last();
        entry.Action.ShouldBe(AuditActions.ViewRefused);
        entry.RequestedId.ShouldBe(SampleData.OtherPupil);
        entry.GoldenId.ShouldBeNull();
    }

    [Test]
    public async Task AccessReport_Administrator_ListsWhoLookedAndWhen()
    {
        await App.As("social_worker").GetStringAsync($"/api/people/{SampleData.Child}");
        await App.As("health").GetStringAsync($"/people/{SampleData.Child}");

        var json = await App.As("administrator").GetStringAsync($"/api/access-report/{SampleData.Child}");
        var html = await App.As("administrator").GetStringAsync($"/access-report?person={SampleData.Child}");

        json.ShouldContain("\"role\":\"social_worker\"");
        json.ShouldContain("\"role\":\"health\"");
        html.ShouldContain("Test health");
        html.ShouldContain("looks at G-CHILD");
    }

    [Test]
    public async Task AccessReport_OtherRoles_AreRefused()
    {
        (await App.As("social_worker").GetAsync($"/api/access-report/{SampleData.Child}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await App.As("data_quality_officer").GetAsync($"/access-report?person={SampleData.Child}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task AuditLog_AfterRequests_VerifiesIntact()
    {
        await App.As("social_worker").GetStringAsync("/api/search?name=Smith");
        await App.As("social_worker").GetStringAsync($"/people/{SampleData.Child}");

        (await AuditVerifier.VerifyAsync(SampleDatabase.Database)).Intact.ShouldBeTrue();
    }

    private async Task<List<AuditEntry>> EntriesAsync()
    {
        var entries = new List<AuditEntry>();
        await foreach (var entry in AuditStore.AllAsync(SampleDatabase.Database, CancellationToken.None)) entries.Add(entry);
        return entries;
    }
}
