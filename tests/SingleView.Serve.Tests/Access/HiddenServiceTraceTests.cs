using SingleView.Core.Model;
using SingleView.Publish;
using SingleView.Serve.Configuration;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Access;

/// <summary>
/// Every role of config/roles.yaml × every service, for a child of 8 (under the default age rules police, housing
/// and adult social care are hidden for everyone) and her parent of 40 off any school roll, over the page and the API.
/// Each service has its own feed holding a record of both people, another value of the child's first name, a match
/// with her school record, and for some the relationship between them. A service hidden from the role for that
/// person must leave no trace — no record ID, no system name — and one shown must show its record; a relative the
/// role may not open is not there at all.
/// </summary>
[TestFixture]
public sealed class HiddenServiceTraceTests() : SampleAppFixture(DatabaseProvider.Sqlite)
{
    private const string Child = "G-TRACE-CHILD";
    private const string Parent = "G-TRACE-PARENT";
    private const string ParentName = "Parentmarker";
    private const string Carer = "G-TRACE-CARER";
    private const string CarerName = "Carermarker";
    private static readonly DateOnly Today = DateOnly.FromDateTime(SampleData.Today.UtcDateTime);

    private static readonly (string GoldenId, string DateOfBirth)[] People = [(Child, "2018-04-01"), (Parent, "1986-02-02")];

    private static string Feed(Service service) => "trace-" + service.ToString().ToLowerInvariant();

    private static string SystemOf(Service service) => $"Tracesys{service}X";

    private static string RecordOf(Service service, string goldenId) => $"TRACE{service}{(goldenId == Child ? "C" : "P")}X";

    [OneTimeSetUp]
    public async Task AddTracesAsync()
    {
        var db = SampleDatabase;
        await db.AddPersonAsync(Child, "Tracechild", "Tracefamily", People[0].DateOfBirth);
        await db.AddPersonAsync(Parent, ParentName, "Tracefamily", People[1].DateOfBirth, kind: "Adult");
        var others = new List<string>();
        foreach (var service in Enum.GetValues<Service>())
        {
            await db.AddFeedAsync(Feed(service), SystemOf(service), service.ToString());
            foreach (var (person, dob) in People)
            {
                await db.AddSourceRecordAsync(Feed(service), RecordOf(service, person), person, SystemOf(service), person == Child ? "Tracechild" : ParentName, "Tracefamily", dob);
                var details = service == Service.School && person == Child ? $$"""{"school_urn": "{{SampleData.OwnSchoolUrn}}"}""" : "{}";
                await db.AddInvolvementAsync(Feed(service), RecordOf(service, person), person, service.ToString(), details: details);
            }

            others.Add($$"""{"value":"Alt{{service}}Z","feed":"{{Feed(service)}}","record_id":"{{RecordOf(service, Child)}}","source_system":"{{SystemOf(service)}}","extract_date":"2026-11-19"}""");
            if (service != Service.School)
            {
                await db.AddMatchPairAsync(Feed(Service.School), RecordOf(Service.School, Child), Feed(service), RecordOf(service, Child), 12, 0.999, """{"prior": -6.5, "comparisons": []}""");
            }
        }

        await db.AddLineageAsync(Child, StandardFields.FirstName, "Tracechild", Feed(Service.School), RecordOf(Service.School, Child), SystemOf(Service.School), "2026-11-20", "source priority", $"[{string.Join(",", others)}]");
        // Chosen from the police record: hidden for a child for every role, so its provenance must not be told.
        await db.AddLineageAsync(Child, StandardFields.FamilyName, "Tracefamily", Feed(Service.Police), RecordOf(Service.Police, Child), SystemOf(Service.Police), "2026-11-20", "source priority: police");
        // The parent is known to be her parent from the police record only; the carer from children's social care.
        await db.AddRelationshipAsync(Parent, Child, "ParentOrCarer", Feed(Service.Police), $"{SystemOf(Service.Police)} household");
        await db.AddRelationshipAsync(Child, Parent, "Child", Feed(Service.Police), $"{SystemOf(Service.Police)} household");
        await db.AddPersonAsync(Carer, CarerName, "Tracefamily", "1980-03-03", kind: "Adult");
        await db.AddRelationshipAsync(Carer, Child, "ParentOrCarer", Feed(Service.ChildrensSocialCare), "LCS household");
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        var roles = RoleCatalogue.Load(Path.Combine(TestApp.ConfigDirectory, "roles.yaml")).All;
        foreach (var role in roles)
        {
            foreach (var (person, _) in People)
            {
                foreach (var surface in new[] { "page", "api" }) yield return new TestCaseData(role.Key, person, surface).SetArgDisplayNames(role.Key, person, surface);
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task PersonView_EveryRoleAndService_HiddenServiceLeavesNoTraceShownServiceIsShown(string roleKey, string person, string surface)
    {
        var roles = RoleCatalogue.Load(Path.Combine(TestApp.ConfigDirectory, "roles.yaml"));
        var display = DisplaySettings.Load(Path.Combine(TestApp.ConfigDirectory, "display.yaml"));
        var role = roles.Find(roleKey)!;
        using var client = App.As(roleKey, role.Scope == RoleScope.SchoolRoll ? SampleData.OwnSchoolUrn : null);
        var path = (surface == "api" ? "/api/people/" : "/people/") + person + (role.PurposeRequired ? "?purpose=checking" : "");

        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        if (role.Scope == RoleScope.SchoolRoll && person == Parent)
        {
            ((int)response.StatusCode).ShouldBe(404);
            return;
        }

        ((int)response.StatusCode).ShouldBe(200, body);
        var dob = DateOnly.Parse(People.Single(p => p.GoldenId == person).DateOfBirth, System.Globalization.CultureInfo.InvariantCulture);
        var age = Today.Year - dob.Year - (Today < dob.AddYears(Today.Year - dob.Year) ? 1 : 0);
        foreach (var service in Enum.GetValues<Service>())
        {
            var shown = role.Services.Contains(service) && display.AgeRuleFor(service).Allows(age);
            if (shown)
            {
                body.ShouldContain(RecordOf(service, person), customMessage: $"{service} is shown to {roleKey} for {person}");
            }
            else
            {
                body.ShouldNotContain(RecordOf(service, Child), customMessage: $"{service} is hidden from {roleKey} for {person}");
                body.ShouldNotContain(RecordOf(service, Parent), customMessage: $"{service} is hidden from {roleKey} for {person}");
                body.ShouldNotContain(SystemOf(service), customMessage: $"{service} is hidden from {roleKey} for {person}");
                body.ShouldNotContain("Alt" + service + "Z", customMessage: $"{service} is hidden from {roleKey} for {person}");
            }
        }

        body.ShouldNotContain("not shared with your role");
        if (person != Child) return;
        body.ShouldNotContain(ParentName, customMessage: "only the police record, hidden for a child, says who her parent is");
        if (role.Scope == RoleScope.SchoolRoll) body.ShouldNotContain(CarerName, customMessage: "the carer is on no roll: a school DSL may not open her");
        else if (role.Services.Contains(Service.ChildrensSocialCare)) body.ShouldContain(CarerName);
    }
}
