using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using SingleView.Cli.Tests.Support;

namespace SingleView.Cli.Tests.Match;

/// <summary><c>explain</c> gives the nightly run's stored decision and weight, says whether the pair was a candidate and which safeguard acted.</summary>
public partial class ExplainCommandTests : CommandLineFixture
{
    private string Authority => Path.Combine(Folder, "authority");

    /// <summary>A refreshed authority whose postcodes are not UK postcodes ("AT4 2NY" delivered as "0420 NY").</summary>
    private async Task RefreshNonUkAuthorityAsync(int children = 150, int seed = 4)
    {
        (await RunAsync("samples", "generate", "--children", children.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture), "--out", Authority, "--extract-date", "2026-11-20")).Exit.ShouldBe(0);
        foreach (var file in Directory.GetFiles(Path.Combine(Authority, "drops"), "*.csv", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file, Encoding.UTF8);
            File.WriteAllText(file, UkPostcode().Replace(text, m => $"{int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture):00}{m.Groups[3].Value}0 {m.Groups[4].Value}"), new UTF8Encoding(false));
        }

        (await RunAsync([.. Common, "refresh", "--drops", Path.Combine(Authority, "drops")])).Exit.ShouldBeOneOf(0, 3);
    }

    [GeneratedRegex(@"\b([A-Z]{1,2})(\d{1,2}) (\d)([A-Z]{2})\b")]
    private static partial Regex UkPostcode();

    private List<(string Left, string Right, string Decision, double Weight)> StoredPairs()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Folder, "data", "singleview.db")}");
        return connection.Query<(string, string, string, string, string, double)>(
                "SELECT feed_a, record_a, feed_b, record_b, decision, match_weight FROM match_pair ORDER BY feed_a, record_a, feed_b, record_b")
            .Select(r => ($"{r.Item1}:{r.Item2}", $"{r.Item3}:{r.Item4}", r.Item5, r.Item6))
            .ToList();
    }

    [GeneratedRegex(@"= match weight\s+([+-]\d+\.\d\d)")]
    private static partial Regex MatchWeight();

    [GeneratedRegex(@"decision: (\w+)")]
    private static partial Regex Decision();

    [Test]
    public async Task Explain_PairsOfOnePersonTheRunNeitherLinkedNorQueued_SayNotLinkedAsTheRunDid()
    {
        // Seed 13 of 150 children has such pairs, one of which no blocking rule brings together.
        await RefreshNonUkAuthorityAsync(150, 13);
        var stored = StoredPairs().Select(p => (p.Left, p.Right)).ToHashSet();
        var published = PublishedKeys();
        var pairs = File.ReadLines(Path.Combine(Authority, "truth.csv")).Skip(1).Select(l => l.Split(','))
            .Where(c => published.Contains($"{c[0]}:{c[1]}"))
            .GroupBy(c => c[2])
            .SelectMany(g => g.SelectMany((a, i) => g.Skip(i + 1).Select(b => ($"{a[0]}:{a[1]}", $"{b[0]}:{b[1]}"))))
            .Where(p => !stored.Contains(p) && !stored.Contains((p.Item2, p.Item1)))
            .ToList();
        pairs.ShouldNotBeEmpty();

        var neverCompared = 0;
        foreach (var (left, right) in pairs)
        {
            var (exit, output, _) = await RunAsync([.. Common, "explain", left, right]);

            exit.ShouldBe(0);
            // Some would score a link had a blocking rule brought them together: the run never compared them.
            Decision().Match(output).Groups[1].Value.ShouldBe("NotLinked", output);
            output.ShouldContain("explain agrees");
            if (output.Contains("candidate: no", StringComparison.Ordinal)) neverCompared++;
        }

        neverCompared.ShouldBeGreaterThan(0);
    }

    private HashSet<string> PublishedKeys()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Folder, "data", "singleview.db")}");
        return connection.Query<(string, string)>("SELECT feed, record_id FROM source_record").Select(r => $"{r.Item1}:{r.Item2}").ToHashSet();
    }

    private string[] WithPipelines => ["--data", Path.Combine(Folder, "data"), "--config", SingleView.Tests.Shared.RepositoryRoot.Config, "--pipelines", Path.Combine(Folder, "pipelines")];

    /// <summary>The non-UK authority with the housing feed also delivering a town column, mapped to <c>city</c>.</summary>
    private async Task RefreshWithHousingTownAsync()
    {
        (await RunAsync("samples", "generate", "--children", "150", "--seed", "4", "--out", Authority, "--extract-date", "2026-11-20")).Exit.ShouldBe(0);
        var pipelines = Directory.CreateDirectory(Path.Combine(Folder, "pipelines")).FullName;
        foreach (var file in Directory.GetFiles(SingleView.Tests.Shared.RepositoryRoot.Pipelines, "*.yaml")) File.Copy(file, Path.Combine(pipelines, Path.GetFileName(file)));
        var housing = Path.Combine(pipelines, "housing.yaml");
        File.WriteAllText(housing, File.ReadAllText(housing).Replace("  postcode: PropertyPostcode\n", "  postcode: PropertyPostcode\n  city: Town\n", StringComparison.Ordinal));
        foreach (var file in Directory.GetFiles(Path.Combine(Authority, "drops"), "*.csv", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file, Encoding.UTF8).Select(l => UkPostcode().Replace(l, m => $"{int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture):00}{m.Groups[3].Value}0 {m.Groups[4].Value}")).ToList();
            if (Path.GetFileName(Path.GetDirectoryName(file)) == "housing")
            {
                // The town as the housing system files it, in its own spelling.
                lines = lines.Select((l, i) => l.Length == 0 ? l : l + "," + (i == 0 ? "Town" : $"Borough {l.Length % 3}")).ToList();
            }

            File.WriteAllLines(file, lines, new UTF8Encoding(false));
        }

        (await RunAsync([.. WithPipelines, "refresh", "--drops", Path.Combine(Authority, "drops")])).Exit.ShouldBeOneOf(0, 3);
    }

    [Test]
    public async Task Explain_StoredPairsOfAFeedWithATownColumn_GiveTheStoredDecisionAndWeight()
    {
        await RefreshWithHousingTownAsync();
        var stored = StoredPairs().Where(p => p.Left.StartsWith("housing:", StringComparison.Ordinal) || p.Right.StartsWith("housing:", StringComparison.Ordinal)).ToList();
        stored.Count.ShouldBeGreaterThan(5);

        var differing = new List<string>();
        foreach (var (left, right, decision, weight) in stored)
        {
            var (exit, output, _) = await RunAsync([.. WithPipelines, "explain", left, right]);

            exit.ShouldBe(0);
            var explained = (Decision().Match(output).Groups[1].Value, double.Parse(MatchWeight().Match(output).Groups[1].Value, CultureInfo.InvariantCulture));
            if (explained.Item1 != (decision == "link" ? "Linked" : "Review") || Math.Abs(explained.Item2 - Math.Round(weight, 2)) > 0.005)
            {
                differing.Add(string.Create(CultureInfo.InvariantCulture, $"{left} {right}: stored {decision} {weight:+0.00;-0.00}, explain {explained.Item1} {explained.Item2:+0.00;-0.00}"));
            }
        }

        differing.ShouldBeEmpty();
    }

    [Test]
    public async Task Explain_StoredPairsWithNonUkPostcodes_GiveTheStoredDecisionAndWeight()
    {
        await RefreshNonUkAuthorityAsync();
        var stored = StoredPairs();
        stored.Count.ShouldBeGreaterThan(20);

        var differing = new List<string>();
        var outputs = new List<string>();
        foreach (var (left, right, decision, weight) in stored)
        {
            var (exit, output, _) = await RunAsync([.. Common, "explain", left, right]);

            exit.ShouldBe(0);
            outputs.Add(output);
            var explained = (Decision().Match(output).Groups[1].Value, double.Parse(MatchWeight().Match(output).Groups[1].Value, CultureInfo.InvariantCulture));
            if (explained.Item1 != (decision == "link" ? "Linked" : "Review") || Math.Abs(explained.Item2 - Math.Round(weight, 2)) > 0.005)
            {
                differing.Add(string.Create(CultureInfo.InvariantCulture, $"{left} {right}: stored {decision} {weight:+0.00;-0.00}, explain {explained.Item1} {explained.Item2:+0.00;-0.00}"));
            }
        }

        differing.ShouldBeEmpty();
        outputs.ShouldAllBe(o => o.Contains("explain agrees") && o.Contains("candidate: yes, by '"));
    }

    /// <summary>The first stored pair whose explanation names the safeguard, as two keys.</summary>
    private (string Left, string Right) StoredPairWithSafeguard(string safeguard)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Folder, "data", "singleview.db")}");
        var row = connection.Query<(string, string, string, string)>(
            "SELECT feed_a, record_a, feed_b, record_b FROM match_pair WHERE explanation LIKE @Pattern ORDER BY feed_a, record_a, feed_b, record_b",
            new { Pattern = $"%{safeguard}%" }).FirstOrDefault();
        row.Item1.ShouldNotBeNull($"this authority's run (seeded) stores a pair '{safeguard}' acted on");
        return ($"{row.Item1}:{row.Item2}", $"{row.Item3}:{row.Item4}");
    }

    [Test]
    public async Task Explain_PairTheTwinSafeguardSentToReview_NamesTheSafeguard()
    {
        // Seed 5 of 300 children has twins the safeguard sends to review.
        await RefreshNonUkAuthorityAsync(300, 5);
        var (left, right) = StoredPairWithSafeguard("possible twins");

        var (exit, output, _) = await RunAsync([.. Common, "explain", left, right]);

        exit.ShouldBe(0);
        output.ShouldContain("decision: Review");
        output.ShouldContain("safeguard: same birthday and home with first names that are not the same name: possible twins");
        output.ShouldContain("explain agrees");
    }

    [Test]
    public async Task Explain_LinkTheClusterGuardRefused_GivesTheStoredReviewAndNamesTheGuard()
    {
        // Seed 3 of 300 children has a link the cluster guard turns into review.
        await RefreshNonUkAuthorityAsync(300, 3);
        var (left, right) = StoredPairWithSafeguard("joining would put");

        var (exit, output, _) = await RunAsync([.. Common, "explain", left, right]);

        exit.ShouldBe(0);
        output.ShouldContain("decision: Review");
        output.ShouldContain("safeguard: joining would put two different NHS numbers");
        output.ShouldContain("explain agrees");
    }

    [Test]
    public async Task Explain_PairNoBlockingRuleBringsTogether_SaysItWasNeverCompared()
    {
        await RefreshNonUkAuthorityAsync();
        var truth = File.ReadLines(Path.Combine(Authority, "truth.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        // Two records of different feeds and different people: almost surely in no common block.
        var first = truth.First(c => c[0] == "school");
        var second = truth.Last(c => c[0] == "police" && c[2] != first[2]);

        var (exit, output, _) = await RunAsync([.. Common, "explain", $"{first[0]}:{first[1]}", $"{second[0]}:{second[1]}"]);

        exit.ShouldBe(0);
        output.ShouldContain("candidate: no");
        output.ShouldContain("decision: NotLinked");
        output.ShouldContain("explain agrees");
    }
}
