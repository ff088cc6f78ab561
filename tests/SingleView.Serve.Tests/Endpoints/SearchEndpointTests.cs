using System.Net;
using SingleView.Publish;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Endpoints;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class SearchEndpointTests(DatabaseProvider provider) : SampleAppFixture(provider)
{
    [Test]
    public async Task ApiSearch_MisspeltName_FindsPersonAndSaysWhy()
    {
        var json = await App.As("social_worker").GetStringAsync("/api/search?name=Jaden%20Smyth&dob=27/03/2014");

        json.ShouldContain(SampleData.Child);
        json.ShouldContain("family name sounds like Smith");
        json.ShouldContain("date of birth exact");
    }

    [Test]
    public async Task SearchPage_MisspeltName_ListsPersonWithReasons()
    {
        var html = await App.As("social_worker").GetStringAsync("/search?name=Jaden+Smyth");

        html.ShouldContain($"/people/{SampleData.Child}");
        html.ShouldContain("family name sounds like Smith");
        html.ShouldContain("Why it matched");
    }

    [Test]
    public async Task ApiSearch_DayAndMonthSwapped_FindsPersonAndSaysSo()
    {
        var json = await App.As("social_worker").GetStringAsync("/api/search?name=Amelia%20Jones&dob=2013-02-05");

        json.ShouldContain(SampleData.OtherPupil);
        json.ShouldContain("date of birth with day and month swapped");
    }

    [Test]
    public async Task ApiSearch_ByNhsNumberWithSpaces_FindsPerson()
    {
        var json = await App.As("social_worker").GetStringAsync("/api/search?id=943%20476%205919");

        json.ShouldContain(SampleData.Child);
        json.ShouldContain("NHS number exact");
    }

    [Test]
    public async Task ApiSearch_ByCasePersonIdOfSourceRecord_FindsPerson()
    {
        var json = await App.As("social_worker").GetStringAsync("/api/search?id=LCS-77");

        json.ShouldContain(SampleData.Child);
        json.ShouldContain("case person ID exact");
    }

    [Test]
    public async Task SearchPage_DateNotADate_Returns400WithMessage()
    {
        using var response = await App.As("social_worker").GetAsync("/search?name=Smith&dob=31/31/2014");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Enter the date of birth as day/month/year");
    }

    [Test]
    public async Task ApiSearch_SchoolDsl_DoesNotFindPupilOfAnotherSchool()
    {
        var json = await App.As("school_dsl", SampleData.OwnSchoolUrn).GetStringAsync("/api/search?name=Amelia%20Jones");

        json.ShouldNotContain(SampleData.OtherPupil);
        json.ShouldNotContain("Amelia");
    }

    [Test]
    public async Task ApiSearch_SchoolDsl_FindsOwnPupil()
    {
        var json = await App.As("school_dsl", SampleData.OwnSchoolUrn).GetStringAsync("/api/search?name=Smith");

        json.ShouldContain(SampleData.Child);
        json.ShouldNotContain(SampleData.Mother);
    }

    [Test]
    public async Task ApiSearch_RestrictedPersonsPostcode_IsNeitherShownNorSearchable()
    {
        var byName = await App.As("social_worker").GetStringAsync("/api/search?name=Leah%20Brown");
        var byPostcode = await App.As("social_worker").GetStringAsync("/api/search?postcode=SK4%209ZZ");

        byName.ShouldContain(SampleData.Restricted);
        byName.ShouldNotContain("SK4 9ZZ");
        byName.ShouldContain("\"addressWithheld\":true");
        byPostcode.ShouldNotContain(SampleData.Restricted);
    }

    [Test]
    public async Task SearchPage_NameWithMarkup_IsShownAsText()
    {
        var html = await App.As("social_worker").GetStringAsync("/search?name=Tester");

        html.ShouldContain("&lt;script&gt;");
        html.ShouldNotContain("<script>alert");
    }
}
