using System.Globalization;
using System.Text;
using Dapper;

namespace SingleView.Refresh.Tests;

/// <summary>
/// What arrived is what is shown: names and postcodes delivered in a raw extract are published, on the
/// source record and on the person, exactly as the partner gave them (trimmed).
/// </summary>
public class DisplayFidelityTests
{
    private static readonly (string? Forename, string? Surname)[] Names =
    [
        ("Siân", "Jones"),
        ("Łukasz", "Wiśniewski"),
        ("Aoife", "Ó Súilleabháin"),
        ("Ewan", "MacDonald"),
        ("Maria", "De la Cruz"),
        ("Amelia \"Millie\"", "Smith"),
        ("<script>alert(1)</script>", "Tester"),
        ("Ann", "-2+3"),
    ];

    [Test]
    public async Task RunAsync_NamesInARawDelivery_PublishedAsGiven()
    {
        using var authority = new Authority(children: 20);
        Append(authority, Names.Select((name, i) => Row(i, name.Forename!, name.Surname!, "AT7 2NY")));
        var options = authority.Options();

        await Authority.Refresh().RunAsync(options);

        var published = await PublishedAsync(options);
        published.Select(p => (p.SourceFirst, p.SourceFamily)).ShouldBe(Names);
        published.Select(p => (p.PersonFirst, p.PersonFamily)).ShouldBe(Names);
    }

    [Test]
    public async Task RunAsync_InvalidPostcodeInARawDelivery_PublishedAsGiven()
    {
        using var authority = new Authority(children: 20);
        Append(authority, [Row(0, "Siân", "Jones", " NOT A CODE ")]);
        var options = authority.Options();

        await Authority.Refresh().RunAsync(options);

        (await PublishedAsync(options)).ShouldHaveSingleItem().SourcePostcode.ShouldBe("NOT A CODE");
    }

    // A row of the generated LCS extract (semicolon-delimited, quoted as an export writes a cell with a quote),
    // each person with a date of birth and family of their own, so no one is matched to anyone else.
    private static string Row(int index, string forename, string surname, string postcode)
    {
        var c = CultureInfo.InvariantCulture;
        string[] cells =
        [
            $"FIDELITY{index:D2}", Quote(forename), "", Quote(surname), $"{index + 1:D2}/03/2013", "Female", "", $"{index + 1} Fidelity Street, Anytown",
            postcode, "", "", $"FAMFIDELITY{index:D2}", "Child", "Open", "", "", "", "", "", "", "", "", "", "", "N",
        ];
        return string.Join(';', cells.Select(cell => cell.ToString(c)));
    }

    private static string Quote(string cell) => cell.Contains('"', StringComparison.Ordinal) ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;

    private static void Append(Authority authority, IEnumerable<string> rows)
    {
        var file = Path.Combine(authority.Drops, "lcs", $"lcs_{Authority.ExtractDate:yyyyMMdd}.csv");
        File.AppendAllText(file, string.Concat(rows.Select(r => r + "\r\n")), new UTF8Encoding(false));
    }

    private static async Task<List<Published>> PublishedAsync(RefreshOptions options)
    {
        await using var connection = await options.ResolvedDatabase.OpenAsync();
        return (await connection.QueryAsync<Published>(
            """
            SELECT s.first_name AS SourceFirst, s.family_name AS SourceFamily, s.postcode AS SourcePostcode,
                   p.first_name AS PersonFirst, p.family_name AS PersonFamily
            FROM source_record s JOIN person p ON p.golden_id = s.golden_id
            WHERE s.feed = 'lcs' AND s.record_id LIKE 'FIDELITY%'
            ORDER BY s.record_id
            """)).ToList();
    }

    private sealed record Published(string? SourceFirst, string? SourceFamily, string? SourcePostcode, string? PersonFirst, string? PersonFamily);
}
