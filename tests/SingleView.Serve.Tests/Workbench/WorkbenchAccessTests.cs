using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SingleView.Publish;
using SingleView.Serve.Configuration;
using SingleView.Serve.Tests.Support;
using SingleView.Serve.Workbench;

namespace SingleView.Serve.Tests.Workbench;

/// <summary>
/// Every workbench route, read from the app's own route table (so a route added later is covered without
/// touching this file), refused to every role but the data quality officer and to the anonymous.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class WorkbenchAccessTests(DatabaseProvider provider) : SampleAppFixture(provider)
{
    private const string Officer = "data_quality_officer";

    private static IEnumerable<string> OtherRoles() =>
        RoleCatalogue.Load(Path.Combine(TestApp.ConfigDirectory, "roles.yaml")).All.Select(r => r.Key).Where(k => k != Officer).Append("no_such_role");

    private List<(string Method, string Path)> WorkbenchRoutes() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith(WorkbenchEndpoints.PagePrefix, StringComparison.Ordinal) || raw.StartsWith(WorkbenchEndpoints.ApiPrefix, StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Path: Fill(e.RoutePattern.RawText!))))
            .ToList();

    private static string Fill(string pattern) => pattern
        .Replace("{left}", Uri.EscapeDataString("school:S-1"), StringComparison.Ordinal)
        .Replace("{right}", Uri.EscapeDataString("lcs:L-1"), StringComparison.Ordinal)
        .Replace("{feed}", "school", StringComparison.Ordinal)
        .Replace("{reportId}", "WL1", StringComparison.Ordinal);

    [Test]
    public void RouteTable_HasTheWorkbenchPagesAndApi()
    {
        var routes = WorkbenchRoutes();

        routes.Count.ShouldBeGreaterThanOrEqualTo(18);
        routes.ShouldContain(("POST", "/api/workbench/pairs/school%3AS-1/lcs%3AL-1/decisions"));
    }

    [TestCaseSource(nameof(OtherRoles))]
    public async Task EveryWorkbenchRoute_RoleOtherThanTheOfficer_IsRefused(string role)
    {
        var client = App.As(role);
        foreach (var (method, path) in WorkbenchRoutes())
        {
            using var response = await SendAsync(client, method, path);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{role} {method} {path}");
        }
    }

    [Test]
    public async Task EveryWorkbenchRoute_Anonymous_IsRefused()
    {
        var client = App.Anonymous();
        foreach (var (method, path) in WorkbenchRoutes())
        {
            using var response = await SendAsync(client, method, path);
            ((int)response.StatusCode).ShouldBeOneOf([401, 302, 403], $"{method} {path}");
        }
    }

    [Test]
    public async Task EveryWorkbenchGetRoute_Officer_IsAnswered()
    {
        var client = App.As(Officer);
        foreach (var (method, path) in WorkbenchRoutes().Where(r => r.Method == "GET"))
        {
            using var response = await SendAsync(client, method, path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{method} {path}");
        }
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = path.StartsWith("/api/", StringComparison.Ordinal)
                ? new StringContent("""{"decision":"same","reason":"r","expected":"none","decisionId":"x"}""", Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "same", ["reason"] = "r", ["expected"] = "none" });
            request.Headers.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        }

        return client.SendAsync(request);
    }
}
