using System.Net;
using SingleView.Core.Model;
using SingleView.Publish;
using SingleView.Serve.Configuration;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Access;

/// <summary>
/// Every role of config/roles.yaml × every golden field and every service × in scope / out of scope,
/// over the page and the API. The cases are generated from the configuration, so a new role, field or
/// service is covered without touching this file. Each fact of the matrix person carries a unique marker
/// that must appear exactly when the role may see it.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class AuthorizationMatrixTests(DatabaseProvider provider) : SampleAppFixture(provider)
{
    private const string Person = "G-MATRIX";

    /// <summary>19 on the sample's "today": old enough for every age rule, young enough for school.</summary>
    private const string DateOfBirth = "2007-05-05";

    private static readonly Dictionary<string, string> FieldMarkers = new(StringComparer.Ordinal)
    {
        [StandardFields.FirstName] = "Zebedeefirst",
        [StandardFields.MiddleNames] = "Middlemarker",
        [StandardFields.FamilyName] = "Quartermainefamily",
        [StandardFields.DateOfBirth] = DateOfBirth,
        [StandardFields.Gender] = "Gendermarker",
        [StandardFields.Address] = "7 Matrixmarker Road",
        [StandardFields.Postcode] = "SK9 9MX",
        [StandardFields.NhsNumber] = "4010232137",
        [StandardFields.Upn] = "M999999999999",
        [StandardFields.CasePersonId] = "CPI-MATRIX",
        [StandardFields.Phone] = "07700 900999",
        [StandardFields.Email] = "matrix@example.test",
    };

    private static readonly string[] Surfaces = ["page", "api"];

    private static RoleCatalogue Roles => RoleCatalogue.Load(Path.Combine(TestApp.ConfigDirectory, "roles.yaml"));

    public static IEnumerable<TestCaseData> FieldCases() =>
        from role in Roles.All
        from scope in ScopesOf(role)
        from field in StandardFields.Golden
        from surface in Surfaces
        select new TestCaseData(role.Key, scope, field, surface).SetName($"Field_{role.Key}_{scope}_{field}_{surface}");

    public static IEnumerable<TestCaseData> ServiceCases() =>
        from role in Roles.All
        from scope in ScopesOf(role)
        from service in Enum.GetValues<Service>()
        from surface in Surfaces
        select new TestCaseData(role.Key, scope, service, surface).SetName($"Service_{role.Key}_{scope}_{service}_{surface}");

    public static IEnumerable<TestCaseData> RoleCases() =>
        from role in Roles.All
        from scope in ScopesOf(role)
        select new TestCaseData(role.Key, scope).SetName($"{role.Key}_{scope}");

    /// <summary>A school-roll role is tested from the person's school and from another; an authority role has only one scope.</summary>
    private static IEnumerable<string> ScopesOf(RoleDefinition role) =>
        role.Scope == RoleScope.SchoolRoll ? ["in_scope", "out_of_scope"] : ["in_scope"];

    [OneTimeSetUp]
    public async Task AddMatrixPersonAsync()
    {
        var db = SampleDatabase;
        await db.ExecuteAsync(
            """
            INSERT INTO person (golden_id, kind, first_name, middle_names, family_name, date_of_birth, gender, address, postcode,
                nhs_number, upn, case_person_id, phone, email, family_id, restricted, first_name_key, family_name_key,
                first_name_soundex, family_name_soundex)
            VALUES (@Id, 'Adult', @FirstName, @MiddleNames, @FamilyName, @DateOfBirth, @Gender, @Address, @Postcode, @NhsNumber,
                @Upn, @CasePersonId, @Phone, @Email, NULL, 0, 'ZEBEDEEFIRST', 'QUARTERMAINEFAMILY', 'Z131', 'Q365')
            """,
            new
            {
                Id = Person,
                FirstName = FieldMarkers[StandardFields.FirstName], MiddleNames = FieldMarkers[StandardFields.MiddleNames],
                FamilyName = FieldMarkers[StandardFields.FamilyName], DateOfBirth, Gender = FieldMarkers[StandardFields.Gender],
                Address = FieldMarkers[StandardFields.Address], Postcode = FieldMarkers[StandardFields.Postcode],
                NhsNumber = FieldMarkers[StandardFields.NhsNumber], Upn = FieldMarkers[StandardFields.Upn],
                CasePersonId = FieldMarkers[StandardFields.CasePersonId], Phone = FieldMarkers[StandardFields.Phone], Email = FieldMarkers[StandardFields.Email],
            });
        foreach (var service in Enum.GetValues<Service>())
        {
            var feed = FeedOf(service);
            var details = service == Service.School ? $$"""{"school_urn": "{{SampleData.OwnSchoolUrn}}"}""" : "{}";
            await db.AddInvolvementAsync(feed, $"MX-{service}", Person, service.ToString(), details: details,
                nature: $"Nature{service}Marker", contactName: $"Contact{service}Marker");
        }
    }

    [TestCaseSource(nameof(FieldCases))]
    public async Task GoldenField_IsShownExactlyWhenRoleAndScopeAllow(string roleKey, string scope, string field, string surface)
    {
        var role = Roles.Find(roleKey)!;
        var (status, body) = await OpenAsync(role, scope, surface);
        var marker = surface == "page" && field == StandardFields.DateOfBirth ? "5 May 2007" : FieldMarkers[field];

        if (scope == "out_of_scope")
        {
            status.ShouldBe(HttpStatusCode.NotFound);
            body.ShouldNotContain(marker);
            return;
        }

        status.ShouldBe(HttpStatusCode.OK);
        if (role.Fields.Contains(field)) body.ShouldContain(marker);
        else body.ShouldNotContain(marker);
    }

    [TestCaseSource(nameof(ServiceCases))]
    public async Task Service_IsShownExactlyWhenRoleAndScopeAllow(string roleKey, string scope, Service service, string surface)
    {
        var role = Roles.Find(roleKey)!;
        var (status, body) = await OpenAsync(role, scope, surface);
        var nature = $"Nature{service}Marker";
        var contact = $"Contact{service}Marker";
        var record = $"MX-{service}";

        if (scope == "out_of_scope" || !role.Services.Contains(service))
        {
            status.ShouldBe(scope == "out_of_scope" ? HttpStatusCode.NotFound : HttpStatusCode.OK);
            body.ShouldNotContain(nature);
            body.ShouldNotContain(contact);
            body.ShouldNotContain(record);
            return;
        }

        body.ShouldContain(nature);
        if (role.SeesContactDetails) body.ShouldContain(contact);
        else body.ShouldNotContain(contact);
    }

    [TestCaseSource(nameof(RoleCases))]
    public async Task GuessedAndSequentialIds_AnswerExactlyLikeAnUnknownId(string roleKey, string scope)
    {
        var role = Roles.Find(roleKey)!;
        var client = ClientFor(role, scope);
        var unknown = await client.GetAsync("/api/people/G-DOES-NOT-EXIST?purpose=matrix");
        var unknownBody = WithoutTraceId(await unknown.Content.ReadAsStringAsync());
        var guesses = Enumerable.Range(0, 12).Select(i => $"G-{i:000000}")
            .Concat(["g-matrix", "G-MATRIX ", "G-%", "' OR '1'='1", "..%2F..%2Fetc"])
            .ToList();

        foreach (var guess in guesses)
        {
            var response = await client.GetAsync($"/api/people/{Uri.EscapeDataString(guess)}?purpose=matrix");
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, guess);
            WithoutTraceId(await response.Content.ReadAsStringAsync()).ShouldBe(unknownBody, guess);
        }
    }

    [TestCaseSource(nameof(RoleCases))]
    public async Task Search_ReturnsThePersonExactlyWhenInScope(string roleKey, string scope)
    {
        var role = Roles.Find(roleKey)!;

        var json = await ClientFor(role, scope).GetStringAsync("/api/search?name=Zebedeefirst%20Quartermainefamily");

        if (scope == "in_scope") json.ShouldContain(Person);
        else json.ShouldNotContain(Person);
        if (!role.Fields.Contains(StandardFields.Postcode) || scope == "out_of_scope") json.ShouldNotContain(FieldMarkers[StandardFields.Postcode]);
    }

    [TestCaseSource(nameof(RoleCases))]
    public async Task SearchByIdentifier_OnlyByFieldsTheRoleSees(string roleKey, string scope)
    {
        var role = Roles.Find(roleKey)!;

        var json = await ClientFor(role, scope).GetStringAsync($"/api/search?id={FieldMarkers[StandardFields.NhsNumber]}");

        if (scope == "in_scope" && role.Fields.Contains(StandardFields.NhsNumber)) json.ShouldContain(Person);
        else json.ShouldNotContain(Person);
    }

    [TestCaseSource(nameof(RoleCases))]
    public async Task RestrictedPerson_AddressNeverShownOnOwnOrAnotherPersonsPage(string roleKey, string scope)
    {
        var role = Roles.Find(roleKey)!;
        var client = ClientFor(role, scope);

        foreach (var id in new[] { SampleData.Restricted, SampleData.Child, SampleData.Mother, Person })
        {
            var page = await client.GetStringAsync($"/people/{id}?purpose=matrix").ContinueWith(t => t.IsFaulted ? string.Empty : t.Result);
            page.ShouldNotContain("Secret Lane");
            page.ShouldNotContain("SK4 9ZZ");
            page.ShouldNotContain("07700 900123");
        }
    }

    private static string WithoutTraceId(string body) =>
        System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "\"traceId\":\"\"");

    private HttpClient ClientFor(RoleDefinition role, string scope) =>
        role.Scope == RoleScope.SchoolRoll
            ? App.As(role.Key, scope == "in_scope" ? SampleData.OwnSchoolUrn : SampleData.OtherSchoolUrn)
            : App.As(role.Key);

    private async Task<(HttpStatusCode Status, string Body)> OpenAsync(RoleDefinition role, string scope, string surface)
    {
        var path = surface == "page" ? $"/people/{Person}?purpose=matrix" : $"/api/people/{Person}?purpose=matrix";
        var response = await ClientFor(role, scope).GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string FeedOf(Service service) => service switch
    {
        Service.School => "school",
        Service.ChildrensSocialCare => "lcs",
        Service.EarlyHelp => "ehm",
        Service.Police => "police",
        Service.Housing => "housing",
        Service.YouthJustice => "yot",
        Service.AdultSocialCare => "asc",
        Service.Health => "health",
        _ => service.ToString().ToLowerInvariant(),
    };
}
