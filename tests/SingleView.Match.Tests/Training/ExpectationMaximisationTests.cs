using SingleView.Match.Training;

namespace SingleView.Match.Tests.Training;

/// <summary>EM must give back the m, u and matching share that generated the comparison vectors.</summary>
public class ExpectationMaximisationTests
{
    private static readonly double[][] TrueM = [[0.85, 0.1, 0.05], [0.95, 0.05], [0.8, 0.1, 0.06, 0.04]];
    private static readonly double[][] TrueU = [[0.01, 0.04, 0.95], [0.5, 0.5], [0.002, 0.02, 0.1, 0.878]];

    private static List<ComparisonPattern> Generate(double matchingShare, double missingShare, int pairs, int seed)
    {
        var random = new Random(seed);
        var counts = new Dictionary<string, (int[] Levels, long Count)>();
        for (var i = 0; i < pairs; i++)
        {
            var probabilities = random.NextDouble() < matchingShare ? TrueM : TrueU;
            var levels = probabilities.Select(p => random.NextDouble() < missingShare ? -1 : Draw(p, random)).ToArray();
            var key = string.Join(',', levels);
            counts[key] = counts.TryGetValue(key, out var existing) ? (levels, existing.Count + 1) : (levels, 1);
        }

        return counts.Values.Select(v => new ComparisonPattern(v.Levels, v.Count)).ToList();
    }

    private static int Draw(double[] probabilities, Random random)
    {
        var roll = random.NextDouble();
        for (var level = 0; level < probabilities.Length; level++)
        {
            roll -= probabilities[level];
            if (roll < 0) return level;
        }

        return probabilities.Length - 1;
    }

    private static double[][] Flat(double[][] shape, bool agreeFirst) =>
        shape.Select(levels => levels.Select((_, l) => agreeFirst ? (l == 0 ? 0.6 : 0.4 / (levels.Length - 1)) : (l == levels.Length - 1 ? 0.6 : 0.4 / (levels.Length - 1))).ToArray()).ToArray();

    private static EmEstimate Run(List<ComparisonPattern> patterns, bool estimateU = true, double[][]? u = null) =>
        ExpectationMaximisation.Run(patterns, Flat(TrueM, agreeFirst: true), u ?? Flat(TrueU, agreeFirst: false), 0.2, [true, true, true], [true, true, true], estimateU, maximumIterations: 500);

    private static void ShouldRecover(double[][] estimated, double[][] truth, double tolerance)
    {
        for (var k = 0; k < truth.Length; k++)
        {
            for (var l = 0; l < truth[k].Length; l++) estimated[k][l].ShouldBe(truth[k][l], tolerance, $"comparison {k}, level {l}");
        }
    }

    [TestCase(0.3)]
    [TestCase(0.1)]
    [TestCase(0.5)]
    public void Run_VectorsFromKnownParameters_RecoversMUAndShare(double matchingShare)
    {
        var estimate = Run(Generate(matchingShare, missingShare: 0, pairs: 200_000, seed: 1));

        estimate.Converged.ShouldBeTrue();
        estimate.MatchingShare.ShouldBe(matchingShare, 0.01);
        ShouldRecover(estimate.M, TrueM, 0.02);
        ShouldRecover(estimate.U, TrueU, 0.02);
    }

    [Test]
    public void Run_NoPatterns_KeepsTheStartingValuesWithoutNaN()
    {
        var estimate = Run([]);

        estimate.MatchingShare.ShouldBe(0.2);
        estimate.Iterations.ShouldBe(0);
        estimate.M.SelectMany(m => m).ShouldAllBe(m => double.IsFinite(m));
        estimate.M.ShouldBe(Flat(TrueM, agreeFirst: true));
    }

    [Test]
    public void Run_WithMissingLevels_StillRecoversM()
    {
        var estimate = Run(Generate(0.2, missingShare: 0.3, pairs: 300_000, seed: 2));

        estimate.MatchingShare.ShouldBe(0.2, 0.01);
        ShouldRecover(estimate.M, TrueM, 0.02);
    }

    [Test]
    public void Run_RareMatchesWithUFixed_RecoversMAndShare()
    {
        // As in training: u is fixed from random pairs, and matches are a small share of blocked pairs.
        var estimate = Run(Generate(0.02, missingShare: 0.1, pairs: 400_000, seed: 3), estimateU: false, u: TrueU);

        estimate.MatchingShare.ShouldBe(0.02, 0.003);
        ShouldRecover(estimate.M, TrueM, 0.03);
    }

    [Test]
    public void Run_ComparisonNotEstimated_KeepsItsM()
    {
        var start = Flat(TrueM, agreeFirst: true);

        var estimate = ExpectationMaximisation.Run(Generate(0.3, 0, 50_000, 4), start, TrueU, 0.2, [true, true, false], [true, true, false], estimateU: false);

        estimate.M[2].ShouldBe(start[2]);
    }

    [Test]
    public void Run_SamePatterns_SameEstimate()
    {
        var patterns = Generate(0.3, 0.1, 50_000, 5);

        Run(patterns).M.ShouldBe(Run(patterns).M);
    }
}
