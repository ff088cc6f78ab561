using System.Net;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Administration;

/// <summary>/admin/runs over the sample database with one recorded run; scheduling is not enabled in the test config.</summary>
public sealed class AdminRunsPageTests : FailedRefreshAppFixture
{
    protected override string FailureMessage => "ConfigurationException: pipelines/police.yaml: <b>delimiter</b>: is required";

    [Test]
    public async Task Get_Administrator_SeesTheFailedRunEncoded()
    {
        var html = await App.As("administrator").GetStringAsync("/admin/runs");

        html.ShouldContain("&lt;b&gt;delimiter&lt;/b&gt;");
        html.ShouldNotContain("<b>delimiter</b>");
        html.ShouldContain("The view may be out of date");
    }

    [Test]
    public async Task Get_SocialWorker_IsForbidden()
    {
        var response = await App.As("social_worker").GetAsync("/admin/runs");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    // With scheduling off the runs page has no form; the person page's form gives the same user's token.
    private const string PageWithForm = "/people/" + SampleData.Child;

    [Test]
    public async Task RunNow_SocialWorker_IsForbidden()
    {
        using var client = App.As("social_worker");

        using var response = await App.PostFormAsync(client, PageWithForm, "/admin/runs/run-now");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("This page is for the SingleView administrator.");
    }

    [Test]
    public async Task RunNow_FromAnotherSite_IsForbidden()
    {
        using var client = App.As("administrator");

        using var response = await App.PostFormAsync(client, PageWithForm, "/admin/runs/run-now", origin: "https://evil.example");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task RunNow_SchedulingNotEnabled_SaysSo()
    {
        using var client = App.As("administrator");

        using var response = await App.PostFormAsync(client, PageWithForm, "/admin/runs/run-now");

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Scheduling is not enabled");
    }
}
