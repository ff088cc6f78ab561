using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SingleView.Publish;

namespace SingleView.Serve.Tests.Support;

/// <summary>The real app on a free loopback port, with its real configuration files, over a test database.</summary>
internal sealed class TestApp : IAsyncDisposable
{
    public const string SigningKey = "a-test-signing-key-of-at-least-32-characters";
    public const string Audience = "singleview-tests";
    public const string Issuer = "https://idp.test";

    private readonly WebApplication app;

    private TestApp(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => app.Services;

    public static string ConfigDirectory => Path.Combine(TestContext.CurrentContext.TestDirectory, "config");

    public static ServeOptions Options(ServingDatabase database, bool demoMode, string? configDirectory = null) => new()
    {
        Database = database,
        ConfigDirectory = configDirectory ?? ConfigDirectory,
        DemoMode = demoMode,
        Url = "http://127.0.0.1:0",
        Jwt = demoMode ? null : new JwtOptions { Audience = Audience, Issuer = Issuer, SymmetricSigningKey = SigningKey },
    };

    public static async Task<TestApp> StartAsync(ServingDatabase database, bool demoMode = false, DateTimeOffset? now = null, string? configDirectory = null)
    {
        var app = SingleViewWebApp.Build(Options(database, demoMode, configDirectory), new FixedTimeProvider(now ?? SampleData.Today));
        await app.StartAsync();
        return new TestApp(app, new Uri(app.Urls.First()));
    }

    /// <summary>A client with no identity that does not follow redirects, so tests see what the server answered.</summary>
    public HttpClient Anonymous() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = Address };

    /// <summary>A client carrying a bearer token for the role (and school) given.</summary>
    public HttpClient As(string role, string? schoolUrn = null, string signingKey = SigningKey)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(role, schoolUrn, signingKey));
        return client;
    }

    /// <summary>
    /// Posts a form as a browser on one of the app's pages would: with the antiforgery token of the page at
    /// <paramref name="pageWithForm"/> (read by the same client, which keeps the antiforgery cookie) and, unless
    /// told otherwise, this site's Origin.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string pageWithForm, string action, IReadOnlyDictionary<string, string>? fields = null, string? origin = null, bool withToken = true)
    {
        var form = new Dictionary<string, string>(fields ?? new Dictionary<string, string>());
        if (withToken) form[Serve.Access.SiteForms.TokenField] = await FormTokenAsync(client, pageWithForm);
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("Origin", origin ?? Address.GetLeftPart(UriPartial.Authority));
        return await client.SendAsync(request);
    }

    /// <summary>The antiforgery token in the first form of a page.</summary>
    public static async Task<string> FormTokenAsync(HttpClient client, string pageWithForm)
    {
        var html = await client.GetStringAsync(pageWithForm);
        var match = System.Text.RegularExpressions.Regex.Match(html, $"name=\"{Serve.Access.SiteForms.TokenField}\" value=\"([^\"]+)\"");
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"{pageWithForm} has no form with an antiforgery token");
    }

    public static string Token(string role, string? schoolUrn, string signingKey = SigningKey)
    {
        var claims = new Dictionary<string, object> { ["roles"] = new[] { role }, ["name"] = $"Test {role}", ["sub"] = Guid.NewGuid().ToString() };
        if (schoolUrn is not null) claims["school_urn"] = schoolUrn;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Audience = Audience,
            Issuer = Issuer,
            Claims = claims,
            // The token handler checks lifetimes against the real clock, whatever the app's TimeProvider says.
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
