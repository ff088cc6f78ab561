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

    private async Task RefreshAsync() => (await RunAsync([.. Common, "refresh", "--drops", Path.Combine(Authority, "drops")])).Exit.ShouldBe(0);

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
        (await RunAsync([.. Common, "refresh", "--drops", Path.Combine(Folder, "no-drops")])).Exit.ShouldBe(0);

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
}
