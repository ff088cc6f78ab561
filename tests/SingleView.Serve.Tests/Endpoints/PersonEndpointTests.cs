using System.Net;
using SingleView.Publish;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Endpoints;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class PersonEndpointTests(DatabaseProvider provider) : SampleAppFixture(provider)
{
    [Test]
    public async Task PersonPage_GoldenField_ShowsProvenanceInDetailsElement()
    {
        var html = await App.As("social_worker").GetStringAsync($"/people/{SampleData.Child}");

        html.ShouldContain("<details class=\"govuk-details app-provenance\">");
        html.ShouldContain("Capita SIMS census");
        html.ShouldContain("school:S-1");
        html.ShouldContain("20 November 2026");
        html.ShouldContain("source priority: school, lcs");
        html.ShouldContain("Jaden — Liquidlogic LCS, lcs:L-1");
    }

    [Test]
    public async Task PersonApi_GoldenField_CarriesProvenance()
    {
        var json = await App.As("social_worker").GetStringAsync($"/api/people/{SampleData.Child}");

        json.ShouldContain("\"sourceSystem\":\"Capita SIMS census\"");
        json.ShouldContain("\"sourceRecord\":\"school:S-1\"");
        json.ShouldContain("\"extractDate\":\"2026-11-20\"");
        json.ShouldContain("\"rule\":\"source priority: school, lcs\"");
    }

    [Test]
    public async Task PersonPage_Services_TellFoundFromNoneFromNotAvailable()
    {
        var html = await App.As("social_worker").GetStringAsync($"/people/{SampleData.Child}");

        FlagOf(html, "School").ShouldBe("RecordsFound");
        FlagOf(html, "YouthJustice").ShouldBe("NoRecordsFound");
        FlagOf(html, "EarlyHelp").ShouldBe("SourceNotAvailable");
        FlagOf(html, "Health").ShouldBe("SourceNotAvailable");
        html.ShouldContain("Source not available");
        html.ShouldContain("No records found");
        html.ShouldContain("Records found (current)");
    }

    [Test]
    public async Task PersonPage_Involvement_ShowsDetailsLabelsFreshnessAndLaunchLink()
    {
        var html = await App.As("social_worker").GetStringAsync($"/people/{SampleData.Child}");

        html.ShouldContain("School URN");
        html.ShouldContain("Correct as of");
        html.ShouldContain("https://school.example/pupil/S-1");
        html.ShouldContain("Ms Head");
    }

    [Test]
    public async Task PersonPage_HistoricInvolvementWithoutEndDate_DoesNotSayItRunsToNow()
    {
        // Another person than the one whose flags are tested, so the shared database stays as those tests expect.
        await SampleDatabase.AddInvolvementAsync("yot", "Y-1", SampleData.Markup, "YouthJustice", status: "Historic", startDate: "2024-01-10");

        var html = await App.As("social_worker").GetStringAsync($"/people/{SampleData.Markup}");

        html.ShouldContain("10 January 2024 to an end date not recorded");
    }

    [Test]
    public async Task PersonPage_RoleWithoutContactDetails_ShowsNoPractitionerContact()
    {
        var html = await App.As("data_quality_officer").GetStringAsync($"/people/{SampleData.Child}?purpose=Test");

        html.ShouldContain("Hillside Primary School");
        html.ShouldNotContain("Ms Head");
        html.ShouldNotContain("0161 000 0001");
    }

    [Test]
    public async Task PersonPage_RoleWithPoliceAccess_ShowsPoliceData()
    {
        var html = await App.As("social_worker").GetStringAsync($"/people/{SampleData.Mother}");

        html.ShouldContain("Niche RMS");
        html.ShouldContain("PC Plod");
    }

    [Test]
    public async Task PersonPageAndApi_RoleWithoutPoliceAccess_ContainNoPoliceData()
    {
        var client = App.As("health");
        var html = await client.GetStringAsync($"/people/{SampleData.Mother}");
        var json = await client.GetStringAsync($"/api/people/{SampleData.Mother}");

        foreach (var text in new[] { html, json })
        {
            text.ShouldContain("Karen");
            text.ShouldNotContain("Police");
            text.ShouldNotContain("police");
            text.ShouldNotContain("Niche");
            text.ShouldNotContain("P-9");
            text.ShouldNotContain("PC Plod");
            text.ShouldNotContain("Domestic abuse");
        }
    }

    [Test]
    public async Task PersonPageAndApi_SchoolDslOfAnotherSchool_Returns404()
    {
        var client = App.As("school_dsl", SampleData.OwnSchoolUrn);

        using var page = await client.GetAsync($"/people/{SampleData.OtherPupil}");
        using var api = await client.GetAsync($"/api/people/{SampleData.OtherPupil}");

        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await page.Content.ReadAsStringAsync()).ShouldNotContain("Amelia");
    }

    [Test]
    public async Task PersonPage_SchoolDslOfTheSameSchool_Opens()
    {
        using var page = await App.As("school_dsl", SampleData.OtherSchoolUrn).GetAsync($"/people/{SampleData.OtherPupil}");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task PersonPage_UnknownPerson_Returns404()
    {
        using var page = await App.As("social_worker").GetAsync("/people/G-NOBODY");

        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task PersonPageAndApi_RestrictedPerson_WithholdAddressPostcodeAndPhone()
    {
        var client = App.As("social_worker");
        var html = await client.GetStringAsync($"/people/{SampleData.Restricted}");
        var json = await client.GetStringAsync($"/api/people/{SampleData.Restricted}");

        html.ShouldContain("Address withheld");
        foreach (var text in new[] { html, json })
        {
            text.ShouldNotContain("Secret Lane");
            text.ShouldNotContain("SK4 9ZZ");
            text.ShouldNotContain("07700");
        }
    }

    [Test]
    public async Task PersonPage_UnrestrictedPerson_ShowsAddress()
    {
        var html = await App.As("social_worker").GetStringAsync($"/people/{SampleData.Child}");

        html.ShouldContain("12 High Street, Stockport");
        html.ShouldNotContain("Address withheld");
    }

    [Test]
    public async Task PersonPage_MarkupInName_IsEncoded()
    {
        var html = await App.As("social_worker").GetStringAsync($"/people/{SampleData.Markup}");

        html.ShouldContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
        html.ShouldNotContain("<script>");
    }

    [Test]
    public async Task PersonPage_ChildUnderPoliceAge_HidesPoliceService()
    {
        var child = await App.As("police").GetStringAsync($"/people/{SampleData.Child}?purpose=Test");
        var adult = await App.As("police").GetStringAsync($"/people/{SampleData.Mother}?purpose=Test");

        child.ShouldNotContain("data-service=\"Police\"");
        child.ShouldContain("Not shown at this age under local rules: Police");
        adult.ShouldContain("data-service=\"Police\"");
    }

    [Test]
    public async Task PersonPage_AdultOverSchoolAge_HidesSchoolService()
    {
        var html = await App.As("social_worker").GetStringAsync($"/people/{SampleData.Mother}");

        html.ShouldNotContain("data-service=\"School\"");
    }

    [Test]
    public async Task PersonPage_AllFeedsFresh_ShowsNoStaleBanner()
    {
        var html = await App.As("police").GetStringAsync($"/people/{SampleData.Mother}?purpose=Test");

        html.ShouldNotContain("Some sources are out of date");
    }

    [Test]
    public async Task PersonPage_FeedOlderThanStaleAfterDays_ShowsStaleBanner()
    {
        await using var later = await TestApp.StartAsync(SampleDatabase.Database, now: SampleData.Today.AddDays(30));

        var html = await later.As("police").GetStringAsync($"/people/{SampleData.Mother}?purpose=Test");

        html.ShouldContain("Some sources are out of date");
        html.ShouldContain("Police (Niche RMS): data is as of 2026-11-20, 31 days ago");
    }

    [Test]
    public async Task PersonPage_FeedNotAvailable_ShowsStaleBanner()
    {
        var html = await App.As("social_worker").GetStringAsync($"/people/{SampleData.Child}");

        html.ShouldContain("Early Help (Liquidlogic EHM): source not available");
    }

    [Test]
    public async Task PersonPage_Family_ListsMotherWithRelationshipEvidenceAndLink()
    {
        var html = await App.As("social_worker").GetStringAsync($"/people/{SampleData.Child}");

        html.ShouldContain($"href=\"/people/{SampleData.Mother}\"");
        html.ShouldContain("Parent or carer");
        html.ShouldContain("lcs: LCS household H-5");
    }

    [Test]
    public async Task PersonPage_MatchedRecords_ShowWaterfall()
    {
        // Read as the browser shows it: the encoder writes "+" as a character reference.
        var html = WebUtility.HtmlDecode(await App.As("social_worker").GetStringAsync($"/people/{SampleData.Child}"));

        html.ShouldContain("Records that make up this person");
        html.ShouldContain("school:S-1 and lcs:L-1: linked, probability 1.000");
        html.ShouldContain("-6.50");
        html.ShouldContain("Jaro-Winkler >= 0.92");
        html.ShouldContain("+9.80");
        html.ShouldContain("+14.20");
    }

    [Test]
    public async Task PersonPage_Always_CarriesDisclaimerSkipLinkAndStylesheet()
    {
        var html = await App.As("social_worker").GetStringAsync($"/people/{SampleData.Child}");
        using var css = await App.Anonymous().GetAsync("/assets/singleview.css");

        html.ShouldContain("Data may be wrong or incomplete.");
        html.ShouldContain("href=\"#main-content\"");
        css.StatusCode.ShouldBe(HttpStatusCode.OK);
        css.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
    }

    /// <summary>The closed-view flag of one service, read from the page's data-flag attribute.</summary>
    private static string FlagOf(string html, string service)
    {
        var start = html.IndexOf($"data-service=\"{service}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"service {service} is not on the page");
        var flag = html.IndexOf("data-flag=\"", start, StringComparison.Ordinal) + "data-flag=\"".Length;
        return html[flag..html.IndexOf('"', flag)];
    }
}
