using SingleView.Match.Blocking;
using static SingleView.Match.Tests.Records;

namespace SingleView.Match.Tests.Blocking;

public class CandidateBlocksTests
{
    [Test]
    public void Generate_VariedRecords_EachPairSharingAKeyOnceUnderItsFirstRule()
    {
        var model = RepositoryConfig.Model;
        var prepared = MatchEngine.Prepare([
            Person("a:1"), Person("a:2", first: "Olivre"), Person("a:3", dob: "2015-01-01"), Person("a:4", family: "Smith", nhs: "9434765919"),
            Person("a:5", first: "Jack", nhs: "9434765919"), Person("a:6", postcode: "ZZ1 1ZZ"), Person("a:7", first: null, dob: null)]);
        var expected = new List<CandidatePair>();
        for (var a = 0; a < prepared.Length; a++)
        {
            for (var b = a + 1; b < prepared.Length; b++)
            {
                for (var r = 0; r < model.BlockingRules.Length; r++)
                {
                    var key = BlockingKeys.KeyOf(prepared[a], model.BlockingRules[r]);
                    if (key == 0 || key != BlockingKeys.KeyOf(prepared[b], model.BlockingRules[r])) continue;
                    expected.Add(new CandidatePair(a, b, r));
                    break;
                }
            }
        }

        var pairs = CandidatePairs.Generate(prepared, model.BlockingRules).OrderBy(p => p.Left).ThenBy(p => p.Right).ToList();

        pairs.ShouldBe(expected);
    }

    [Test]
    public void Build_BlockOverTheMaximum_SkippedWithAWarning()
    {
        var model = RepositoryConfig.Model;
        var records = Enumerable.Range(0, CandidatePairs.MaximumBlockSize + 1).Select(i => Person($"a:{i}", first: $"N{i}", family: $"F{i}", nhs: "9434765919", dob: null, postcode: null)).ToList();
        var warnings = new List<string>();

        var blocks = CandidateBlocks.Build(MatchEngine.Prepare(records), model.BlockingRules, warnings.Add);

        warnings.ShouldContain(w => w.Contains("'same NHS number': 501 records"));
        Enumerable.Range(0, blocks.Count).Select(b => { blocks.Members(b, out var rule); return rule; }).ShouldNotContain(0);
    }
}
