namespace SingleView.Match.Training;

/// <summary>A comparison vector (each comparison's level index, -1 for null) and how many pairs showed it.</summary>
public sealed record ComparisonPattern(int[] Levels, long Count);

/// <summary>What expectation maximisation estimated, and how it got there.</summary>
public sealed record EmEstimate(double[][] M, double[][] U, double MatchingShare, int Iterations, bool Converged, double LastChange);

/// <summary>
/// Fellegi-Sunter expectation maximisation over comparison patterns: the E step gives each pattern
/// the probability that its pairs are matches; the M step re-estimates m (and u, unless it is fixed,
/// as Splink fixes it to the random-sampling estimate) and the share of matching pairs. Comparisons
/// not <c>estimated</c> keep their m; those not <c>used</c> are left out of the likelihood altogether
/// (a blocking rule's own columns agree by construction and say nothing).
/// </summary>
public static class ExpectationMaximisation
{
    /// <summary>The smallest m or u an estimate may take, so that no level becomes impossible evidence.</summary>
    public const double Floor = 1e-6;

    public static EmEstimate Run(
        IReadOnlyList<ComparisonPattern> patterns,
        double[][] initialM,
        double[][] initialU,
        double initialMatchingShare,
        bool[] used,
        bool[] estimated,
        bool estimateU,
        int maximumIterations = 200,
        double tolerance = 1e-7)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var m = initialM.Select(a => (double[])a.Clone()).ToArray();
        var u = initialU.Select(a => (double[])a.Clone()).ToArray();
        var share = initialMatchingShare;
        var comparisons = m.Length;
        var change = double.PositiveInfinity;
        var iteration = 0;
        // No pairs, no evidence: the starting values stand (a share of 0 / 0 would be NaN and poison every estimate).
        if (patterns.Sum(p => p.Count) == 0) return new EmEstimate(m, u, share, 0, false, 0);
        while (iteration < maximumIterations && change > tolerance)
        {
            iteration++;
            var mSums = m.Select(a => new double[a.Length]).ToArray();
            var uSums = u.Select(a => new double[a.Length]).ToArray();
            double matchTotal = 0, total = 0;
            foreach (var pattern in patterns)
            {
                double logM = Math.Log(share), logU = Math.Log(1 - share);
                for (var k = 0; k < comparisons; k++)
                {
                    var level = pattern.Levels[k];
                    if (!used[k] || level < 0) continue;
                    logM += Math.Log(m[k][level]);
                    logU += Math.Log(u[k][level]);
                }

                var probability = 1 / (1 + Math.Exp(logU - logM));
                var matches = probability * pattern.Count;
                var nonMatches = (1 - probability) * pattern.Count;
                matchTotal += matches;
                total += pattern.Count;
                for (var k = 0; k < comparisons; k++)
                {
                    var level = pattern.Levels[k];
                    if (level < 0) continue;
                    mSums[k][level] += matches;
                    uSums[k][level] += nonMatches;
                }
            }

            change = 0;
            var newShare = Math.Clamp(matchTotal / total, Floor, 1 - Floor);
            change = Math.Max(change, Math.Abs(newShare - share));
            share = newShare;
            for (var k = 0; k < comparisons; k++)
            {
                if (!estimated[k]) continue;
                change = Math.Max(change, Normalise(mSums[k], m[k]));
                if (estimateU) change = Math.Max(change, Normalise(uSums[k], u[k]));
            }
        }

        return new EmEstimate(m, u, share, iteration, change <= tolerance, change);
    }

    /// <summary>Writes sums as probabilities (floored, adding to one) into <paramref name="target"/>; returns the largest change.</summary>
    private static double Normalise(double[] sums, double[] target)
    {
        var total = sums.Sum();
        if (total <= 0) return 0;
        var floored = sums.Select(s => Math.Max(s / total, Floor)).ToArray();
        var sum = floored.Sum();
        var change = 0.0;
        for (var l = 0; l < target.Length; l++)
        {
            var value = floored[l] / sum;
            change = Math.Max(change, Math.Abs(value - target[l]));
            target[l] = value;
        }

        return change;
    }
}
