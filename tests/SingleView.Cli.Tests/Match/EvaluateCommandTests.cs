using System.Globalization;
using System.Text.Json;
using SingleView.Cli.Tests.Support;

namespace SingleView.Cli.Tests.Match;

/// <summary><c>evaluate</c> counts every truth row, says why rows were never published, refuses an empty publication and reports declared twins.</summary>
public class EvaluateCommandTests : CommandLineFixture
{
    private string Authority => Path.Combine(Folder, "authority");

    private string Truth => Path.Combine(Authority, "truth.csv");

    private async Task GenerateAsync(int children = 120)
    {
        (await RunAsync("samples", "generate", "--children", children.ToString(CultureInfo.InvariantCulture), "--seed", "3", "--out", Authority, "--extract-date", "2026-11-20")).Exit.ShouldBe(0);
    }

    private async Task RefreshAsync() => (await RunAsync([.. Common, "refresh", "--drops", Path.Combine(Authority, "drops")])).Exit.ShouldBeOneOf(0, 3);

    /// <summary>A housing row with a record id but no name and no identifier (quarantined), and its truth row: one more record of a true person.</summary>
    private void AddUnidentifiableRowOf(string personId)
    {
        var drop = Directory.GetFiles(Path.Combine(Authority, "drops", "housing"), "*.csv").Single();
        var header = File.ReadLines(drop).First().TrimStart('\uFEFF').Split(',');
        var cells = header.Select(column => column switch
        {
            "PersonRef" => "HX999999",
            "TenancyRef" => "T999999",
            _ => string.Empty,
        });
        File.AppendAllText(drop, string.Join(',', cells) + "\r\n");
        File.AppendAllText(Truth, $"housing,HX999999,{personId},\n");
    }

    private string FirstPersonWithTwoRecords() =>
        File.ReadLines(Truth).Skip(1).Select(l => l.Split(',')[2]).GroupBy(p => p).First(g => g.Count() >= 2).Key;

    [Test]
    public async Task Evaluate_QuarantinedTruthRow_CountedAndReportedWithItsReason()
    {
        await GenerateAsync();
        AddUnidentifiableRowOf(FirstPersonWithTwoRecords());
        await RefreshAsync();

        var (exit, output, _) = await RunAsync([.. Common, "evaluate", "--truth", Truth, "--json"]);

        exit.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        var truthRows = File.ReadLines(Truth).Skip(1).Count(l => l.Length > 0);
        json.RootElement.GetProperty("records").GetInt32().ShouldBe(truthRows);
        json.RootElement.GetProperty("truth_rows_not_published").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        json.RootElement.GetProperty("not_published_reasons").EnumerateObject().Select(p => p.Name)
            .ShouldContain("quarantined: no name and no identifier: the person cannot be matched");
        json.RootElement.GetProperty("false_negative_pairs").GetInt64().ShouldBeGreaterThanOrEqualTo(2);
    }

    [Test]
    public async Task Evaluate_EmptyPublication_RefusesWithNonZeroExit()
    {
        await GenerateAsync(20);
        Directory.CreateDirectory(Path.Combine(Folder, "no-drops"));
        (await RunAsync([.. Common, "refresh", "--drops", Path.Combine(Folder, "no-drops")])).Exit.ShouldBeOneOf(0, 3);

        var (exit, output, error) = await RunAsync([.. Common, "evaluate", "--truth", Truth]);

        exit.ShouldNotBe(0);
        error.ShouldContain("no records");
        output.ShouldNotContain("1.0000");
    }

    [Test]
    public async Task Evaluate_Twins_ReportsDeclaredPairsMerged()
    {
        await GenerateAsync();
        await RefreshAsync();
        var people = File.ReadLines(Truth).Skip(1).Select(l => l.Split(',')[2]).Distinct().Take(4).ToList();
        var twins = Path.Combine(Folder, "twins.csv");
        File.WriteAllText(twins, $"person_id,twin_person_id\n{people[0]},{people[1]}\n{people[2]},{people[3]}\n");

        var (exit, output, _) = await RunAsync([.. Common, "evaluate", "--truth", Truth, "--twins", twins]);

        exit.ShouldBe(0);
        output.ShouldContain("Declared twins merged  0 of 2");
    }

    /// <summary>A copy of a housing row of a true person under a new record id, with some cells changed; its truth row says it is the same person.</summary>
    private void AddHousingCopy(string recordId, int nth, Func<string[], string[], string[]> change)
    {
        var drop = Directory.GetFiles(Path.Combine(Authority, "drops", "housing"), "*.csv").Single();
        var lines = File.ReadAllLines(drop);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        // A row the generator did not spoil with a future date of birth (those are quarantined).
        var row = lines.Skip(1).Where(l => l.Length > 0).Select(Cells)
            .Where(r => DateOnly.TryParseExact(r[Array.IndexOf(header, "DateOfBirth")], "dd.MM.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born) && born.Year < 2020)
            .Skip(nth).First();
        var personId = File.ReadLines(Truth).Select(l => l.Split(',')).First(c => c[0] == "housing" && c[1] == row[Array.IndexOf(header, "PersonRef")])[2];
        var copy = change(header, (string[])row.Clone());
        copy[Array.IndexOf(header, "PersonRef")] = recordId;
        File.AppendAllText(drop, string.Join(',', copy.Select(c => c.Contains(',', StringComparison.Ordinal) ? $"\"{c}\"" : c)) + "\r\n");
        File.AppendAllText(Truth, $"housing,{recordId},{personId},\n");
    }

    /// <summary>The cells of a CSV line whose quoted cells hold no quotes (as the generator writes them).</summary>
    private static string[] Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else cell.Append(c);
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }

    private static string[] Set(string[] header, string[] row, params (string Column, string Value)[] cells)
    {
        foreach (var (column, value) in cells) row[Array.IndexOf(header, column)] = value;
        return row;
    }

    [Test]
    public async Task Evaluate_ShowMissed_GivesEachMissedPairItsCause()
    {
        await GenerateAsync();
        AddHousingCopy("HX777777", 0, (header, row) => Set(header, row, ("FirstName", "Zebedee"), ("LastName", "Quarterman"), ("DateOfBirth", "01.01.1950"),
            ("PropertyAddress", ""), ("PropertyPostcode", ""), ("ContactPhone", ""), ("ContactEmail", "")));
        AddHousingCopy("HX666666", 5, (header, row) => Set(header, row, ("FirstName", "Zebedee"), ("PropertyAddress", "1 Nowhere Road"), ("PropertyPostcode", ""), ("ContactPhone", ""), ("ContactEmail", "")));
        await RefreshAsync();

        var (exit, output, _) = await RunAsync([.. Common, "evaluate", "--truth", Truth, "--show-missed", "1000", "--json"]);

        exit.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        var causes = json.RootElement.GetProperty("missed_pair_causes").EnumerateArray()
            .Select(c => (Left: c.GetProperty("left").GetString()!, Right: c.GetProperty("right").GetString()!, Cause: c.GetProperty("cause").GetString()!, Detail: c.GetProperty("detail").GetString()!))
            .ToList();
        causes.Count.ShouldBe(json.RootElement.GetProperty("missed_pairs").GetArrayLength());
        causes.ShouldAllBe(c => c.Detail.Length > 0);
        causes.Where(c => c.Detail.Contains("quarantined")).ShouldAllBe(c => c.Cause == "record unpublished");
        causes.Where(c => c.Left == "housing:HX777777" || c.Right == "housing:HX777777").ShouldNotBeEmpty();
        causes.Where(c => c.Left == "housing:HX777777" || c.Right == "housing:HX777777").ShouldAllBe(c => c.Cause == "never compared");
        var renamed = causes.Where(c => c.Left == "housing:HX666666" || c.Right == "housing:HX666666").ToList();
        renamed.ShouldNotBeEmpty();
        renamed.ShouldAllBe(c => (c.Cause == "below threshold" || c.Cause == "safeguard") && c.Detail.Contains("weight"));
    }
}
