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

    [Test]
    public async Task RunNow_SocialWorker_IsForbidden()
    {
        var response = await App.As("social_worker").PostAsync("/admin/runs/run-now", SameOriginForm());

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task RunNow_FromAnotherSite_IsForbidden()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/runs/run-now") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Origin", "https://evil.example");

        var response = await App.As("administrator").SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task RunNow_SchedulingNotEnabled_SaysSo()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/runs/run-now") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Origin", App.Address.GetLeftPart(UriPartial.Authority));

        var response = await App.As("administrator").SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Scheduling is not enabled");
    }

    private static FormUrlEncodedContent SameOriginForm() => new([]);
}
