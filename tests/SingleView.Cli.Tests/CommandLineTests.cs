using System.Text.Json;
using SingleView.Cli.Tests.Support;
using SingleView.Tests.Shared;

namespace SingleView.Cli.Tests;

public class CommandLineTests : CommandLineFixture
{
    [TestCase("demo")]
    [TestCase("samples")]
    [TestCase("refresh")]
    [TestCase("serve")]
    [TestCase("evaluate")]
    [TestCase("explain")]
    public async Task Help_EveryVerb_DescribesItself(string verb)
    {
        var (exit, output, _) = await RunAsync(verb, "--help");

        exit.ShouldBe(0);
        output.ShouldContain("Usage:");
    }

    [Test]
    public async Task Refresh_ConfigDirectoryWithBrokenMatching_OneLineErrorNamingFileAndField()
    {
        var config = Directory.CreateDirectory(Path.Combine(Folder, "config")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryRoot.Config)) File.Copy(file, Path.Combine(config, Path.GetFileName(file)));
        var matching = Path.Combine(config, "matching.yaml");
        File.WriteAllText(matching, File.ReadAllText(matching).Replace("link_probability: 0.995", "link_probability: lots", StringComparison.Ordinal));

        var (exit, _, error) = await RunAsync("refresh", "--data", Path.Combine(Folder, "data"), "--config", config, "--pipelines", RepositoryRoot.Pipelines, "--drops", Folder);

        exit.ShouldBe(2);
        error.ShouldStartWith($"error: {matching}: ");
        error.ShouldContain("link_probability");
        error.ShouldNotContain("   at ");
    }

    [Test]
    public async Task Refresh_MissingPipelinesFolder_OneLineError()
    {
        var (exit, _, error) = await RunAsync("refresh", "--data", Folder, "--pipelines", Path.Combine(Folder, "nowhere"), "--config", RepositoryRoot.Config);

        exit.ShouldBe(2);
        error.ShouldContain("nowhere");
        error.ShouldNotContain("   at ");
    }

    [Test]
    public async Task SamplesRefreshEvaluate_Json_PrintsPrecisionRecallAndF1()
    {
        var authority = Path.Combine(Folder, "authority");
        (await RunAsync("samples", "generate", "--children", "150", "--seed", "3", "--out", authority, "--extract-date", "2026-11-20")).Exit.ShouldBe(0);
        (await RunAsync([.. Common, "refresh", "--drops", Path.Combine(authority, "drops")])).Exit.ShouldBe(0);

        var (exit, output, _) = await RunAsync([.. Common, "evaluate", "--truth", Path.Combine(authority, "truth.csv"), "--json"]);

        exit.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("precision").GetDouble().ShouldBeGreaterThan(0.9);
        json.RootElement.GetProperty("recall").GetDouble().ShouldBeGreaterThan(0.8);
        json.RootElement.TryGetProperty("f1", out _).ShouldBeTrue();
    }

    [Test]
    public async Task Explain_TwoPublishedRecords_PrintsTheWaterfall()
    {
        var authority = Path.Combine(Folder, "authority");
        await RunAsync("samples", "generate", "--children", "50", "--seed", "3", "--out", authority, "--extract-date", "2026-11-20");
        await RunAsync([.. Common, "refresh", "--drops", Path.Combine(authority, "drops")]);
        var truth = File.ReadLines(Path.Combine(authority, "truth.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var first = truth.First(t => t[0] == "school");
        var second = truth.First(t => t[0] == "school" && t[1] != first[1]);

        var (exit, output, _) = await RunAsync([.. Common, "explain", $"school:{first[1]}", $"school:{second[1]}"]);

        exit.ShouldBe(0);
        output.ShouldContain("prior");
        output.ShouldContain("= match weight");
        output.ShouldContain("decision:");
    }

    [Test]
    public async Task Explain_UnknownRecord_SaysSo()
    {
        var authority = Path.Combine(Folder, "authority");
        await RunAsync("samples", "generate", "--children", "20", "--seed", "3", "--out", authority, "--extract-date", "2026-11-20");
        await RunAsync([.. Common, "refresh", "--drops", Path.Combine(authority, "drops")]);

        var (exit, _, error) = await RunAsync([.. Common, "explain", "school:nobody", "police:nobody"]);

        exit.ShouldBe(2);
        error.ShouldContain("no published record school:nobody");
    }
}
