using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using SingleView.Core.Model;
using SingleView.Ingest.Definitions;
using SingleView.Match.Model;
using SingleView.Match.Scoring;
using SingleView.Refresh.Evaluation;
using SingleView.Tests.Shared;

namespace SingleView.Refresh.Tests.Evaluation;

/// <summary>Explaining a pair after the run gives the decision and weight the nightly run stored, on a feed whose postcodes are not UK postcodes.</summary>
public partial class ReplayedDecisionTests
{
    /// <summary>Every UK postcode in the drops made a Dutch-style one ("AT4 2NY" becomes "0420 NY"), the same everywhere it occurs.</summary>
    internal static void MakePostcodesNonUk(string drops)
    {
        foreach (var file in Directory.GetFiles(drops, "*.csv", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file, Encoding.UTF8);
            File.WriteAllText(file, UkPostcode().Replace(text, m => $"{int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture):00}{m.Groups[3].Value}0 {m.Groups[4].Value}"), new UTF8Encoding(false));
        }
    }

    [GeneratedRegex(@"\b([A-Z]{1,2})(\d{1,2}) (\d)([A-Z]{2})\b")]
    private static partial Regex UkPostcode();

    private static async Task<(PublishedRun Run, List<StoredPair> Stored, RefreshOptions Options)> RefreshedAsync(Authority authority)
    {
        MakePostcodesNonUk(authority.Drops);
        var options = authority.Options();
        await Authority.Refresh().RunAsync(options);
        var model = MatchModelLoader.LoadDirectory(options.ConfigDirectory);
        var run = await PublishedRun.LoadAsync(options.ResolvedDatabase, options.LakeDirectory, model, FeedDefinitionLoader.LoadDirectory(options.PipelinesDirectory), Authority.Clock(), CancellationToken.None);
        await using var connection = await options.ResolvedDatabase.OpenAsync(CancellationToken.None);
        var keys = await connection.QueryAsync<(string FeedA, string RecordA, string FeedB, string RecordB)>("SELECT feed_a, record_a, feed_b, record_b FROM match_pair");
        var stored = new List<StoredPair>();
        foreach (var (feedA, recordA, feedB, recordB) in keys) stored.Add((await run.StoredAsync(new SourceRecordKey(feedA, recordA), new SourceRecordKey(feedB, recordB), CancellationToken.None))!);
        return (run, stored, options);
    }

    [Test]
    public async Task Of_EveryStoredPairOfANonUkPostcodeRun_GivesTheStoredDecisionAndWeight()
    {
        using var authority = new Authority(children: 200, seed: 11);
        var (run, stored, _) = await RefreshedAsync(authority);

        stored.Count.ShouldBeGreaterThan(50);
        stored.ShouldContain(s => s.Safeguards.Count == 0 && s.Decision == "link");
        foreach (var pair in stored)
        {
            var replayed = ReplayedDecision.Of(run.Explainer.Explain(pair.Left, pair.Right), pair);

            replayed.StoredSpelling.ShouldBe(pair.Decision, $"{pair.Left} {pair.Right}");
            replayed.MatchWeight.ShouldBe(pair.MatchWeight, 1e-9, $"{pair.Left} {pair.Right}");
            replayed.AgreesWithStored.ShouldBeTrue();
        }
    }

    [Test]
    public async Task Explain_StoredPair_WasACandidateOfTheRuleItWasScoredUnder()
    {
        using var authority = new Authority(children: 150, seed: 12);
        var (run, stored, _) = await RefreshedAsync(authority);

        foreach (var pair in stored.Where(s => s.BlockingRule is not null and not "(person's decision)"))
        {
            var explained = run.Explainer.Explain(pair.Left, pair.Right);

            explained.Candidate.ShouldBeTrue();
            explained.CandidateRules[0].ShouldBe(pair.BlockingRule);
        }
    }

    [Test]
    public async Task Explain_PairsOfOneTruePersonNotStored_NotLinked()
    {
        using var authority = new Authority(children: 150, seed: 13);
        var (run, stored, _) = await RefreshedAsync(authority);
        var storedKeys = stored.Select(s => (s.Left, s.Right)).ToHashSet();
        var truth = TruthEvaluation.ReadTruth(authority.Truth).People
            .Select(p => (Key: new SourceRecordKey(p.Key.Feed, p.Key.RecordId), p.Value.PersonId))
            .Where(p => run.Explainer.Contains(p.Key))
            .GroupBy(p => p.PersonId)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Skip(1).Select(other => (g.First().Key, other.Key)))
            .Where(p => !storedKeys.Contains(p) && !storedKeys.Contains((p.Item2, p.Item1)))
            .ToList();

        foreach (var (left, right) in truth)
        {
            var replayed = ReplayedDecision.Of(run.Explainer.Explain(left, right), null);

            replayed.Decision.ShouldBe(MatchDecision.NotLinked, $"{left} {right}: the run neither linked nor queued it");
        }
    }
}
