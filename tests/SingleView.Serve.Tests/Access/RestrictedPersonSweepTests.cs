using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using SingleView.Serve.Configuration;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Access;

/// <summary>
/// Generated from the data: for every restricted person of the synthetic authority, every page and API answer
/// any role can reach — the person pages of everyone in their household, searches by their name, date of birth
/// and postcode, the workbench's queues, pairs, quality reports and CSV exports, the access report — must not
/// hold any of their withheld values (address, postcode, phone, e-mail, as any of their records gave them).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class RestrictedPersonSweepTests
{
    private SampleAuthority? authority;
    private List<RestrictedPerson> restricted = [];

    [OneTimeSetUp]
    public async Task PublishAsync()
    {
        authority = await SampleAuthority.PublishAsync();
        restricted = await RestrictedPeopleAsync();
    }

    [OneTimeTearDown]
    public async Task DisposeAsync()
    {
        if (authority is not null) await authority.DisposeAsync();
    }

    [Test]
    public void SyntheticAuthority_HasRestrictedPeopleLivingWithOthers()
    {
        restricted.Count.ShouldBeGreaterThan(5);
        restricted.Count(r => r.Household.Count > 1).ShouldBeGreaterThan(3);
    }

    [Test]
    public async Task EveryRoleEveryPageAndApiAnswer_NeverHoldsARestrictedPersonsWithheldValues()
    {
        var leaks = new List<string>();
        var requests = 0;
        var viewers = Roles().Where(r => r.Scope == RoleScope.Authority).Select(r => (Role: r, Urn: (string?)null)).ToList();
        var dsl = Roles().Single(r => r.Scope == RoleScope.SchoolRoll);
        var shared = SharedPaths();
        foreach (var person in restricted)
        {
            var paths = PathsFor(person).ToList();
            foreach (var (role, urn) in viewers.Concat(person.Schools.Select(u => (Role: dsl, Urn: (string?)u))))
            {
                using var client = App.As(role.Key, urn);
                foreach (var path in paths.Concat(RolePaths(role, person)))
                {
                    var body = await BodyAsync(client, role, path);
                    requests++;
                    leaks.AddRange(person.LeaksIn(body).Select(v => $"{person.GoldenId} {role.Key}{(urn is null ? "" : "@" + urn)} {path}: \"{v}\""));
                }
            }
        }

        using (var officer = App.As("data_quality_officer"))
        {
            foreach (var path in shared)
            {
                var body = await BodyAsync(officer, Roles().Single(r => r.Key == "data_quality_officer"), path);
                requests++;
                leaks.AddRange(restricted.SelectMany(p => p.LeaksIn(body).Select(v => $"{p.GoldenId} data_quality_officer {path}: \"{v}\"")));
            }
        }

        TestContext.Out.WriteLine($"{restricted.Count} restricted people, {requests} answers read");
        leaks.Distinct().ShouldBeEmpty(string.Join(Environment.NewLine, leaks.Distinct().Take(40)));
    }

    private TestApp App => authority!.App;

    private static IReadOnlyList<RoleDefinition> Roles() => RoleCatalogue.Load(Path.Combine(TestApp.ConfigDirectory, "roles.yaml")).All;

    // What any role may ask about the person and their household.
    private static IEnumerable<string> PathsFor(RestrictedPerson person)
    {
        foreach (var member in person.Household)
        {
            yield return $"/people/{member}";
            yield return $"/api/people/{member}";
        }

        foreach (var query in person.Searches)
        {
            yield return "/search?" + query;
            yield return "/api/search?" + query;
        }
    }

    private static IEnumerable<string> RolePaths(RoleDefinition role, RestrictedPerson person)
    {
        if (role.ReadsAccessReports)
        {
            yield return "/access-report?person=" + person.GoldenId;
            yield return "/api/access-report/" + person.GoldenId;
        }

        if (role.Key != "data_quality_officer") yield break;
        foreach (var (left, right) in person.Pairs)
        {
            var pair = Uri.EscapeDataString(left) + "/" + Uri.EscapeDataString(right);
            yield return "/workbench/pairs/" + pair;
            yield return "/api/workbench/pairs/" + pair;
        }
    }

    // The workbench's lists and the quality reports, the same for everyone: read once.
    private List<string> SharedPaths()
    {
        List<string> paths = ["/workbench", "/workbench/review", "/api/workbench/review", "/workbench/unmatched", "/api/workbench/unmatched", "/workbench/reports", "/api/workbench/reports"];
        using var connection = authority!.Database.OpenAsync().GetAwaiter().GetResult();
        foreach (var feed in connection.Query<string>("SELECT DISTINCT feed FROM source_record ORDER BY feed"))
        {
            paths.Add($"/workbench/quality/{feed}");
            paths.Add($"/workbench/quality/{feed}/export.csv");
            paths.Add($"/api/workbench/quality/{feed}");
        }

        return paths;
    }

    private static async Task<string> BodyAsync(HttpClient client, RoleDefinition role, string path)
    {
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var asked = role.PurposeRequired && (path.StartsWith("/people/", StringComparison.Ordinal) || path.StartsWith("/api/people/", StringComparison.Ordinal))
            ? path + separator + "purpose=restricted%20person%20sweep"
            : path;
        using var response = await client.GetAsync(asked);
        ((int)response.StatusCode).ShouldBeOneOf([200, 400, 403, 404], asked);
        var body = await response.Content.ReadAsStringAsync();
        // The search form shows back what the user typed: their own words, not something the view disclosed.
        return path.StartsWith("/search?", StringComparison.Ordinal) ? SearchForm().Replace(body, string.Empty) : body;
    }

    [GeneratedRegex("<form method=\"get\" action=\"/search\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex SearchForm();

    private async Task<List<RestrictedPerson>> RestrictedPeopleAsync()
    {
        await using var connection = await authority!.Database.OpenAsync();
        var people = (await connection.QueryAsync<(string GoldenId, string? FirstName, string? FamilyName, string? DateOfBirth, string? FamilyId)>(
            "SELECT golden_id, first_name, family_name, date_of_birth, family_id FROM person WHERE restricted <> 0 ORDER BY golden_id")).ToList();
        var result = new List<RestrictedPerson>();
        foreach (var person in people)
        {
            var values = (await connection.QueryAsync<(string? Address, string? Postcode, string? Phone, string? Email)>(
                """
                SELECT address, postcode, phone, email FROM person WHERE golden_id = @Id
                UNION ALL SELECT address, postcode, phone, email FROM source_record WHERE golden_id = @Id
                """,
                new { Id = person.GoldenId })).ToList();
            var others = await connection.QueryAsync<string>(
                "SELECT other_values FROM field_lineage WHERE golden_id = @Id AND field IN ('address', 'postcode', 'phone', 'email')", new { Id = person.GoldenId });
            var withheld = values.SelectMany(v => new[] { v.Address, v.Postcode, v.Phone, v.Email })
                .Concat(others.SelectMany(o => OtherValue().Matches(o).Select(m => Regex.Unescape(m.Groups[1].Value))))
                .OfType<string>()
                .Select(v => v.Trim())
                .Where(v => v.Length >= 5)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            var household = (await connection.QueryAsync<string>(
                """
                SELECT @Id UNION SELECT from_golden_id FROM relationship WHERE to_golden_id = @Id
                UNION SELECT to_golden_id FROM relationship WHERE from_golden_id = @Id
                UNION SELECT golden_id FROM person WHERE family_id IS NOT NULL AND family_id = @FamilyId
                """,
                new { Id = person.GoldenId, person.FamilyId })).Order(StringComparer.Ordinal).ToList();
            var schools = (await connection.QueryAsync<string>(
                "SELECT details FROM involvement WHERE service = 'School' AND status = 'Current' AND " + InHousehold("golden_id", household.Count),
                Ids(household)))
                .Select(d => Regex.Match(d, "\"school_urn\"\\s*:\\s*\"([^\"]+)\"").Groups[1].Value)
                .Where(u => u.Length > 0).Distinct().ToList();
            var pairs = (await connection.QueryAsync<(string FeedA, string RecordA, string FeedB, string RecordB)>(
                $"""
                SELECT m.feed_a, m.record_a, m.feed_b, m.record_b FROM match_pair m
                JOIN source_record a ON a.feed = m.feed_a AND a.record_id = m.record_a
                JOIN source_record b ON b.feed = m.feed_b AND b.record_id = m.record_b
                WHERE {InHousehold("a.golden_id", household.Count)} OR {InHousehold("b.golden_id", household.Count)}
                """,
                Ids(household)))
                .Select(p => (Left: $"{p.FeedA}:{p.RecordA}", Right: $"{p.FeedB}:{p.RecordB}"))
                .Select(p => string.CompareOrdinal(p.Left, p.Right) <= 0 ? p : (p.Right, p.Left))
                .Take(20)
                .ToList();
            var dateOfBirth = DateOnly.TryParseExact(person.DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dob)
                ? dob.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
                : null;
            var postcodes = values.Select(v => v.Postcode).OfType<string>().Where(p => p.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase);
            List<string> searches = [$"name={Uri.EscapeDataString($"{person.FirstName} {person.FamilyName}")}" + (dateOfBirth is null ? "" : "&dob=" + Uri.EscapeDataString(dateOfBirth)), .. postcodes.Select(p => "postcode=" + Uri.EscapeDataString(p)), .. postcodes.Select(p => $"name={Uri.EscapeDataString(person.FamilyName ?? "")}&postcode={Uri.EscapeDataString(p)}")];
            result.Add(new RestrictedPerson(person.GoldenId, withheld, household, schools, pairs, searches));
        }

        return result;
    }

    private static string InHousehold(string column, int count) => $"{column} IN ({string.Join(", ", Enumerable.Range(0, count).Select(i => "@Id" + i))})";

    private static DynamicParameters Ids(List<string> household)
    {
        var parameters = new DynamicParameters();
        for (var i = 0; i < household.Count; i++) parameters.Add("Id" + i, household[i]);
        return parameters;
    }

    [GeneratedRegex("\"value\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex OtherValue();

    private sealed record RestrictedPerson(
        string GoldenId, IReadOnlyList<string> Withheld, IReadOnlyList<string> Household, IReadOnlyList<string> Schools,
        IReadOnlyList<(string Left, string Right)> Pairs, IReadOnlyList<string> Searches)
    {
        /// <summary>The withheld values found in a page or JSON document, however it encoded them.</summary>
        public IEnumerable<string> LeaksIn(string body)
        {
            var text = Normal(body);
            var compact = text.Replace(" ", "", StringComparison.Ordinal);
            return Withheld.Where(v => text.Contains(Normal(v), StringComparison.Ordinal)
                || (v.Count(char.IsAsciiDigit) >= 4 && compact.Contains(Normal(v).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal)));
        }

        private static string Normal(string text)
        {
            var decoded = WebUtility.HtmlDecode(JsonEscape().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString()));
            return Whitespace().Replace(decoded, " ").ToLowerInvariant();
        }
    }

    [GeneratedRegex("\\\\u([0-9a-fA-F]{4})")]
    private static partial Regex JsonEscape();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
