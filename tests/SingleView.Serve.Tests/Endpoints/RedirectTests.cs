using System.Net;
using SingleView.Publish;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Endpoints;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class RedirectTests(DatabaseProvider provider) : SampleAppFixture(provider)
{
    [Test]
    public async Task PersonPage_RetiredTwice_RedirectsToCurrentId()
    {
        var response = await App.As("social_worker").GetAsync($"/people/{SampleData.RetiredTwice}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/people/{SampleData.Child}");
    }

    [Test]
    public async Task PersonApi_RetiredId_RedirectsPermanentlyKeepingThePurpose()
    {
        var response = await App.As("police").GetAsync($"/api/people/{SampleData.RetiredOnce}?purpose=S47%20enquiry");

        response.StatusCode.ShouldBe(HttpStatusCode.PermanentRedirect);
        response.Headers.Location!.ToString().ShouldBe($"/api/people/{SampleData.Child}?purpose=S47%20enquiry");
    }

    [Test]
    public async Task PersonApi_RetiredIdOfPupilOutOfScope_IsNotFoundWithoutRevealingTheNewId()
    {
        var response = await App.As("school_dsl", SampleData.OwnSchoolUrn).GetAsync($"/api/people/{SampleData.RetiredIntoOtherPupil}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(SampleData.OtherPupil);
    }

    [Test]
    public async Task PersonPage_RetiredIdOfPupilInScope_Redirects()
    {
        var response = await App.As("school_dsl", SampleData.OwnSchoolUrn).GetAsync($"/people/{SampleData.RetiredTwice}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Test]
    public async Task PersonPage_RoleNeedingPurpose_AsksBeforeRevealingWhetherTheIdMoved()
    {
        var response = await App.As("police").GetAsync($"/people/{SampleData.RetiredOnce}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Why do you need to see this record?");
    }
}
