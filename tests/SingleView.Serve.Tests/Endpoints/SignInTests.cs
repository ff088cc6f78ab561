using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Endpoints;

public sealed class SignInTests
{
    private TestDatabase database = null!;
    private TestApp app = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        database = await SampleData.CreateAsync();
        app = await TestApp.StartAsync(database.Database);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await app.DisposeAsync();
        database.Dispose();
    }

    [Test]
    public async Task Healthz_DatabaseReady_ReturnsOkWithoutSignIn()
    {
        using var response = await app.Anonymous().GetAsync("/healthz");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("ok");
    }

    [Test]
    public async Task Healthz_SchemaNotYetPublished_ReturnsServiceUnavailable()
    {
        var directory = Directory.CreateTempSubdirectory("singleview-serve-empty");
        await using var emptyApp = await TestApp.StartAsync(Publish.ServingDatabase.Sqlite(Path.Combine(directory.FullName, "empty.db")));

        using var response = await emptyApp.Anonymous().GetAsync("/healthz");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Test]
    public async Task Api_WithoutIdentity_Returns401()
    {
        using var response = await app.Anonymous().GetAsync($"/api/people/{SampleData.Child}");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Jayden");
    }

    [Test]
    public async Task Page_WithoutIdentity_Returns401Page()
    {
        using var response = await app.Anonymous().GetAsync($"/people/{SampleData.Child}");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("You need to sign in");
        html.ShouldNotContain("Jayden");
    }

    [Test]
    public async Task Api_WithJwtSignedByTestKey_IsAccepted()
    {
        using var response = await app.As("social_worker").GetAsync($"/api/people/{SampleData.Child}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Jayden");
    }

    [Test]
    public async Task Api_WithJwtSignedByAnotherKey_Returns401()
    {
        using var response = await app.As("social_worker", signingKey: "another-key-that-is-also-32-characters-long").GetAsync("/api/me");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Api_WithJwtForUnknownRole_Returns403()
    {
        using var response = await app.As("janitor").GetAsync($"/api/people/{SampleData.Child}");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Me_WithJwt_ReportsRoleAndSchoolFromClaims()
    {
        var me = await app.As("school_dsl", SampleData.OwnSchoolUrn).GetStringAsync("/api/me");

        me.ShouldContain("\"role\":\"school_dsl\"");
        me.ShouldContain($"\"schoolUrn\":\"{SampleData.OwnSchoolUrn}\"");
    }

    [Test]
    public async Task DevSignIn_OutsideDemoMode_IsNotThere()
    {
        using var page = await app.Anonymous().GetAsync("/sign-in");
        using var post = await app.Anonymous().PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["role"] = "social_worker" }));

        page.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Unauthorized);
        post.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Unauthorized);
        post.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Test]
    public async Task DevSignIn_OutsideDemoMode_NoCookieSchemeIsRegistered()
    {
        var schemes = await app.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetAllSchemesAsync();

        schemes.Select(s => s.Name).ShouldBe(["Bearer"]);
    }

    [Test]
    public async Task DevSignIn_InDemoMode_ListsRolesAndSchoolsUnderAClearWarning()
    {
        await using var demo = await TestApp.StartAsync(database.Database, demoMode: true);

        var html = await demo.Anonymous().GetStringAsync("/sign-in");

        html.ShouldContain("Development sign-in — demo mode only");
        html.ShouldContain("School designated safeguarding lead");
        html.ShouldContain("Data quality officer");
        html.ShouldContain("Hillside Primary School (URN 100001)");
        html.ShouldContain("Valley High School (URN 200002)");
    }

    [Test]
    public async Task Page_InDemoModeWithoutCookie_RedirectsToSignIn()
    {
        await using var demo = await TestApp.StartAsync(database.Database, demoMode: true);

        using var response = await demo.Anonymous().GetAsync("/search");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/sign-in");
    }

    [Test]
    public async Task DevSignIn_InDemoModeAsSchoolDsl_CookieOpensOwnPupilOnly()
    {
        await using var demo = await TestApp.StartAsync(database.Database, demoMode: true);
        using var client = demo.Anonymous();

        using var signIn = await demo.PostFormAsync(client, "/sign-in", "/sign-in", new Dictionary<string, string>
        {
            ["role"] = "school_dsl", ["school_urn"] = SampleData.OwnSchoolUrn, ["returnUrl"] = "/search",
        });
        using var own = await client.GetAsync($"/people/{SampleData.Child}");
        using var other = await client.GetAsync($"/people/{SampleData.OtherPupil}");

        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task DevSignIn_ReturnUrlToAnotherSite_RedirectsHomeInstead()
    {
        await using var demo = await TestApp.StartAsync(database.Database, demoMode: true);
        using var client = demo.Anonymous();

        using var signIn = await demo.PostFormAsync(client, "/sign-in", "/sign-in", new Dictionary<string, string>
        {
            ["role"] = "social_worker", ["returnUrl"] = "//evil.example/",
        });

        signIn.Headers.Location!.ToString().ShouldBe("/search");
    }
}
