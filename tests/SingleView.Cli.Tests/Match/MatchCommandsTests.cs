using SingleView.Cli.Tests.Support;
using SingleView.Tests.Shared;

namespace SingleView.Cli.Tests.Match;

/// <summary>The match verbs: train, evaluate with its lists, explain with trained parameters, bench match.</summary>
public class MatchCommandsTests : CommandLineFixture
{
    private async Task<string> RefreshedAuthorityAsync(int children)
    {
        var authority = Path.Combine(Folder, "authority");
        (await RunAsync("samples", "generate", "--children", children.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "3", "--out", authority, "--extract-date", "2026-11-20")).Exit.ShouldBe(0);
        (await RunAsync([.. Common, "refresh", "--drops", Path.Combine(authority, "drops")])).Exit.ShouldBe(0);
        return authority;
    }

    [TestCase("train")]
    [TestCase("bench", "match")]
    public async Task Help_MatchVerbs_DescribeThemselves(params string[] verb)
    {
        var (exit, output, _) = await RunAsync([.. verb, "--help"]);

        exit.ShouldBe(0);
        output.ShouldContain("Usage:");
    }

    [Test]
    public async Task Train_AfterARefresh_WritesParametersWithTheirProvenance()
    {
        await RefreshedAuthorityAsync(150);
        var parameters = Path.Combine(Folder, "match-parameters.yaml");

        var (exit, output, _) = await RunAsync([.. Common, "train", "--seed", "5", "--random-pairs", "20000", "--out", parameters]);

        exit.ShouldBe(0);
        output.ShouldContain("EM on");
        var text = File.ReadAllText(parameters);
        text.ShouldContain("seed: 5");
        text.ShouldContain("expectation_maximisation:");
        text.ShouldContain("school delivery 2026-11-20");
        text.ShouldContain("m_source:");
    }

    [Test]
    public async Task Train_FromDrops_LandsNothingSoTheNextRefreshFindsThemNew()
    {
        var authority = Path.Combine(Folder, "authority");
        (await RunAsync("samples", "generate", "--children", "120", "--seed", "3", "--out", authority, "--extract-date", "2026-11-20")).Exit.ShouldBe(0);
        var drops = Path.Combine(authority, "drops");

        var (exit, output, _) = await RunAsync([.. Common, "train", "--drops", drops, "--random-pairs", "20000", "--out", Path.Combine(Folder, "p.yaml")]);

        exit.ShouldBe(0);
        Directory.Exists(Path.Combine(Folder, "data", "lake", "raw")).ShouldBeFalse();
        var (refreshExit, refreshOutput, _) = await RunAsync([.. Common, "refresh", "--drops", drops]);
        refreshExit.ShouldBe(0);
        refreshOutput.ShouldNotContain("no new delivery");
        refreshOutput.ShouldContain("school");
    }

    [Test]
    public async Task Train_AfterARefresh_SaysPerBlockingRuleCandidatePairsAndLikelyMatches()
    {
        await RefreshedAuthorityAsync(150);

        var (exit, output, _) = await RunAsync([.. Common, "train", "--random-pairs", "20000", "--out", Path.Combine(Folder, "p.yaml")]);

        exit.ShouldBe(0);
        output.ShouldMatch(@"date of birth and family name sound\s+\d+ candidate pairs\s+\d+ likely matches");
        output.ShouldContain("same named identifier");
    }

    [Test]
    public async Task Train_EmptyLake_OneLineError()
    {
        var (exit, _, error) = await RunAsync([.. Common, "train", "--out", Path.Combine(Folder, "p.yaml")]);

        exit.ShouldBe(2);
        error.ShouldContain("at least 100 records");
    }

    [Test]
    public async Task Evaluate_ShowMissed_PrintsClusterFiguresReviewShareAndUnmatchable()
    {
        var authority = await RefreshedAuthorityAsync(150);

        var (exit, output, _) = await RunAsync([.. Common, "evaluate", "--truth", Path.Combine(authority, "truth.csv"), "--show-missed", "5"]);

        exit.ShouldBe(0);
        output.ShouldContain("B-cubed precision");
        output.ShouldContain("B-cubed recall");
        output.ShouldContain("% of");
        output.ShouldContain("Unmatchable records");
    }

    [Test]
    public async Task BenchMatch_SmallAuthority_PrintsStepTimesPairsAndMemory()
    {
        var (exit, output, _) = await RunAsync([.. Common, "bench", "match", "--children", "100", "--runs", "1", "--work", Path.Combine(Folder, "bench"), "--evaluate"]);

        exit.ShouldBe(0);
        output.ShouldContain("blocking");
        output.ShouldContain("candidate pairs");
        output.ShouldContain("peak working set");
        output.ShouldContain("Pairwise precision");
    }
}
