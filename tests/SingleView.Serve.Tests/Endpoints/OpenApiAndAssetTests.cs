using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SingleView.Publish;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Endpoints;

[TestFixture(DatabaseProvider.Sqlite)]
public sealed class OpenApiAndAssetTests(DatabaseProvider provider) : SampleAppFixture(provider)
{
    [Test]
    public async Task OpenApi_DescribesEveryMappedApiRoute()
    {
        using var document = JsonDocument.Parse(await App.As("social_worker").GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var apiRoutes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p.StartsWith("/api/", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        apiRoutes.ShouldNotBeEmpty();
        foreach (var route in apiRoutes) paths.ShouldContain(route);
        document.RootElement.GetProperty("openapi").GetString()!.ShouldStartWith("3.1");
    }

    [Test]
    public async Task OpenApi_WithoutIdentity_IsRefused()
    {
        (await App.Anonymous().GetAsync("/openapi/v1.json")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [TestCase("/assets/govuk/govuk-frontend.min.css", "text/css")]
    [TestCase("/assets/govuk/govuk-frontend.min.js", "text/javascript")]
    [TestCase("/assets/fonts/bold-b542beb274-v2.woff2", "font/woff2")]
    [TestCase("/assets/images/favicon.ico", "image/x-icon")]
    [TestCase("/assets/singleview.css", "text/css")]
    [TestCase("/assets/singleview.js", "text/javascript")]
    public async Task Asset_ServedFromTheAppWithoutSignIn(string path, string contentType)
    {
        var response = await App.Anonymous().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
        (await response.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(100);
    }

    [Test]
    public async Task Asset_Unknown_IsNotFound()
    {
        (await App.Anonymous().GetAsync("/assets/no-such-file.css")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Page_UsesGovukFrontendFromThisSiteOnly()
    {
        var response = await App.As("social_worker").GetAsync("/search");
        var html = await response.Content.ReadAsStringAsync();

        html.ShouldContain("""<link rel="stylesheet" href="/assets/govuk/govuk-frontend.min.css">""");
        html.ShouldContain("""<a href="#main-content" class="govuk-skip-link" """);
        html.ShouldContain("""<main class="govuk-main-wrapper" id="main-content">""");
        html.ShouldContain("govuk-phase-banner");
        html.ShouldNotContain("https://");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'");
    }

    [Test]
    public async Task Unauthenticated_EveryPageAndApiRoute_IsRefused()
    {
        var client = App.Anonymous();
        foreach (var path in new[] { "/search", $"/people/{SampleData.Child}", "/access-report", "/api/me", "/api/search?name=Smith", $"/api/people/{SampleData.Child}", $"/api/access-report/{SampleData.Child}" })
        {
            (await client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, path);
        }
    }
}
