using Microsoft.Playwright;
using SingleView.Publish;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Browser;

/// <summary>
/// The single view in a real browser (Debian's Chromium through Playwright) against the app on a free
/// loopback port: the journey a practitioner takes, keyboard access to provenance, and the school scope.
/// Screenshots go to artifacts/test-results/screenshots/ and are attached to the test results.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[NonParallelizable]
public sealed class BrowserTests(DatabaseProvider provider) : SampleAppFixture(provider)
{
    private ChromiumSession? chromium;

    [OneTimeSetUp]
    public async Task LaunchAsync() => chromium = await ChromiumSession.LaunchAsync();

    [OneTimeTearDown]
    public async Task CloseAsync()
    {
        if (chromium is not null) await chromium.DisposeAsync();
    }

    [Test]
    public async Task Journey_SearchPersonProvenanceFamily_WorksEndToEnd()
    {
        var page = await PageAsAsync("social_worker");

        await page.GotoAsync("/search");
        await page.GetByLabel("Name").FillAsync("Jaiden Smith");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Jayden Smith" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Jayden Smith", Level = 1 }).WaitForAsync();

        var provenance = page.Locator("summary", new() { HasText = "Where this came from: First name" });
        await provenance.ClickAsync();
        var details = page.Locator("#field-first_name-provenance");
        (await details.IsVisibleAsync()).ShouldBeTrue();
        (await details.InnerTextAsync()).ShouldContain("Capita SIMS census");
        (await details.InnerTextAsync()).ShouldContain("school:S-1");
        await ScreenshotAsync(page, "person-provenance");

        await page.GetByRole(AriaRole.Link, new() { Name = "Karen Smith" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Karen Smith", Level = 1 }).WaitForAsync();
        page.Url.ShouldEndWith($"/people/{SampleData.Mother}");
        await ScreenshotAsync(page, "family-member");
    }

    [Test]
    public async Task Provenance_ByKeyboard_OpensAndIsAnnouncedAsExpandable()
    {
        var page = await PageAsAsync("social_worker");
        await page.GotoAsync($"/people/{SampleData.Child}");
        var summary = page.Locator("summary", new() { HasText = "Where this came from: First name" });

        await summary.FocusAsync();
        (await summary.EvaluateAsync<bool>("e => e.parentElement.open")).ShouldBeFalse();
        await page.Keyboard.PressAsync("Enter");

        (await summary.EvaluateAsync<bool>("e => e.parentElement.open")).ShouldBeTrue();
        (await page.Locator("#field-first_name-provenance").InnerTextAsync()).ShouldContain("Capita SIMS census");
        var snapshot = await page.Locator("#main-content").AriaSnapshotAsync();
        snapshot.ShouldContain("Where this came from");
    }

    [Test]
    public async Task Page_GovukFrontendScript_RunsUnderTheContentSecurityPolicy()
    {
        var page = await PageAsAsync("social_worker");

        await page.GotoAsync("/search");
        await page.WaitForFunctionAsync("() => document.body.classList.contains('govuk-frontend-supported')");

        (await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('h1')).fontFamily")).ShouldContain("GDS Transport");
    }

    [Test]
    public async Task SchoolDsl_PupilOfAnotherSchool_CannotBeOpenedOrFound()
    {
        var page = await PageAsAsync("school_dsl", SampleData.OwnSchoolUrn);

        var response = await page.GotoAsync($"/people/{SampleData.OtherPupil}");
        response!.Status.ShouldBe(404);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Person not found");
        (await page.ContentAsync()).ShouldNotContain("Amelia");
        await ScreenshotAsync(page, "dsl-other-school-refused");

        await page.GotoAsync("/search?name=Amelia%20Jones");
        (await page.ContentAsync()).ShouldNotContain(SampleData.OtherPupil);
        (await page.Locator("#results").InnerTextAsync()).ShouldStartWith("No people found");
    }

    [Test]
    public async Task Tablet_PersonPage_FitsWithoutSidewaysScrolling()
    {
        var page = await PageAsAsync("social_worker", viewport: new ViewportSize { Width = 768, Height = 1024 });

        await page.GotoAsync($"/people/{SampleData.Child}");

        var overflowing = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
        overflowing.ShouldBeEmpty();
        await ScreenshotAsync(page, "person-tablet");
    }

    [Test]
    public async Task Print_PersonPage_ShowsProvenanceAndHidesNavigation()
    {
        var page = await PageAsAsync("social_worker");
        await page.GotoAsync($"/people/{SampleData.Child}");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        (await page.Locator("#field-first_name-provenance").IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator(".govuk-service-navigation__wrapper").IsVisibleAsync()).ShouldBeFalse();
    }

    private Task<IPage> PageAsAsync(string role, string? schoolUrn = null, ViewportSize? viewport = null) =>
        chromium!.PageAsAsync(App, role, schoolUrn, viewport);

    private static Task ScreenshotAsync(IPage page, string name) => ChromiumSession.ScreenshotAsync(page, name);
}
