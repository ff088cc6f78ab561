using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SingleView.Publish;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Access;

/// <summary>
/// The guard on every form a page posts, over the app's own route table (a form route added later is covered):
/// an antiforgery token from one of the app's pages and this site's Origin, both, or nothing is done.
/// </summary>
[TestFixture]
public sealed class SiteFormsTests() : SampleAppFixture(DatabaseProvider.Sqlite)
{
    // With a purpose, for the roles that must state one before a person page.
    private const string PageWithForm = "/people/" + SampleData.Child + "?purpose=checking%20a%20report";
    private const string Refused = "This form was not sent";

    // Every POST that is not the JSON API, with the role that may use it.
    private IEnumerable<(string Path, string Role)> PagePosts() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => e.RoutePattern.RawText!)
            .Where(raw => !raw.StartsWith("/api/", StringComparison.Ordinal))
            .Select(raw => raw
                .Replace("{left}", Uri.EscapeDataString("lcs:L-1"), StringComparison.Ordinal)
                .Replace("{right}", Uri.EscapeDataString("school:S-1"), StringComparison.Ordinal)
                .Replace("{reportId}", "WL1", StringComparison.Ordinal)
                .Replace("{goldenId}", SampleData.Child, StringComparison.Ordinal))
            .Select(path => (path, path.StartsWith("/workbench", StringComparison.Ordinal) ? "data_quality_officer" : path.StartsWith("/admin", StringComparison.Ordinal) ? "administrator" : "social_worker"));

    [Test]
    public void RouteTable_HasEveryPageForm()
    {
        PagePosts().Select(p => p.Path).ShouldBe(
            ["/admin/runs/run-now", "/workbench/pairs/lcs%3AL-1/school%3AS-1/decide", "/workbench/pairs/lcs%3AL-1/school%3AS-1/undo", "/workbench/reports/WL1/resolve", $"/people/{SampleData.Child}/wrong-link"],
            ignoreOrder: true);
    }

    [Test]
    public async Task EveryPageForm_WithoutAntiforgeryToken_IsRefused()
    {
        foreach (var (path, role) in PagePosts())
        {
            using var client = App.As(role);
            using var response = await App.PostFormAsync(client, PageWithForm, path, withToken: false);

            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
            (await response.Content.ReadAsStringAsync()).ShouldContain(Refused, customMessage: path);
        }
    }

    [Test]
    public async Task EveryPageForm_TokenButOriginNull_IsRefused()
    {
        foreach (var (path, role) in PagePosts())
        {
            using var client = App.As(role);
            using var response = await App.PostFormAsync(client, PageWithForm, path, origin: "null");

            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
            (await response.Content.ReadAsStringAsync()).ShouldContain(Refused, customMessage: path);
        }
    }

    [Test]
    public async Task EveryPageForm_TokenOfAnotherUser_IsRefused()
    {
        foreach (var (path, role) in PagePosts())
        {
            using var other = App.As(role);
            var othersToken = await TestApp.FormTokenAsync(other, PageWithForm);
            using var client = App.As(role);
            await TestApp.FormTokenAsync(client, PageWithForm);

            using var response = await App.PostFormAsync(client, PageWithForm, path, new Dictionary<string, string> { [Serve.Access.SiteForms.TokenField] = othersToken }, withToken: false);

            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
        }
    }

    [Test]
    public async Task WrongLinkForm_WithTokenFromTheSameSite_IsSent()
    {
        using var client = App.As("social_worker");

        using var response = await App.PostFormAsync(client, PageWithForm, $"/people/{SampleData.Child}/wrong-link", new Dictionary<string, string> { ["comment"] = "not him" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Report sent");
    }

    [Test]
    public async Task AnyPage_ReferrerPolicy_IsSameOriginSoThatFormsCarryTheirOrigin()
    {
        using var response = await App.As("social_worker").GetAsync("/search");

        response.Headers.GetValues("Referrer-Policy").ShouldBe(["same-origin"]);
    }
}
