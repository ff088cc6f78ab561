namespace SingleView.Core.Evaluation;

/// <summary>One source record as evaluation sees it: which golden record it landed in, and the truth behind it.</summary>
public readonly record struct EvaluatedRecord(string GoldenId, string PersonId, string? FamilyId, DateOnly? DateOfBirth);

/// <summary>Pairwise and cluster figures of a set of links against the ground truth.</summary>
public sealed record LinkageFigures
{
    public required int Records { get; init; }
    public required int GoldenRecords { get; init; }
    public required int TruePeople { get; init; }
    public required long TruePositivePairs { get; init; }
    public required long FalsePositivePairs { get; init; }
    public required long FalseNegativePairs { get; init; }
    /// <summary>True people whose records form exactly one golden record and nothing else.</summary>
    public required int ExactlyRecoveredPeople { get; init; }
    /// <summary>Pairs of twins (same family, same date of birth, different people) put in one golden record.</summary>
    public required int TwinPairsMerged { get; init; }
    public required int TwinPairs { get; init; }

    public double Precision => TruePositivePairs + FalsePositivePairs == 0 ? 1 : (double)TruePositivePairs / (TruePositivePairs + FalsePositivePairs);
    public double Recall => TruePositivePairs + FalseNegativePairs == 0 ? 1 : (double)TruePositivePairs / (TruePositivePairs + FalseNegativePairs);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Compares golden records with the truth, counting pairs: two records in one golden record are a
/// predicted match, two records of one true person a true match.
/// </summary>
public static class LinkageEvaluation
{
    public static LinkageFigures Evaluate(IReadOnlyCollection<EvaluatedRecord> records)
    {
        static long Pairs(long n) => n * (n - 1) / 2;
        var predicted = records.GroupBy(r => r.GoldenId, StringComparer.Ordinal).Sum(g => Pairs(g.Count()));
        var actual = records.GroupBy(r => r.PersonId, StringComparer.Ordinal).Sum(g => Pairs(g.Count()));
        var both = records.GroupBy(r => (r.GoldenId, r.PersonId)).Sum(g => Pairs(g.Count()));

        var personsPerGolden = records.GroupBy(r => r.GoldenId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.PersonId).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        var exactlyRecovered = records.GroupBy(r => r.PersonId, StringComparer.Ordinal)
            .Count(g => g.Select(r => r.GoldenId).Distinct(StringComparer.Ordinal).Count() == 1 && personsPerGolden[g.First().GoldenId] == 1);

        var (twinPairs, twinsMerged) = CountTwins(records);
        return new LinkageFigures
        {
            Records = records.Count,
            GoldenRecords = personsPerGolden.Count,
            TruePeople = records.Select(r => r.PersonId).Distinct(StringComparer.Ordinal).Count(),
            TruePositivePairs = both,
            FalsePositivePairs = predicted - both,
            FalseNegativePairs = actual - both,
            ExactlyRecoveredPeople = exactlyRecovered,
            TwinPairs = twinPairs,
            TwinPairsMerged = twinsMerged,
        };
    }

    private static (int Pairs, int Merged) CountTwins(IReadOnlyCollection<EvaluatedRecord> records)
    {
        // A person's date of birth is the one most of their records give; twins are different people of
        // one family born on the same day.
        var people = records.Where(r => r.FamilyId is not null)
            .GroupBy(r => r.PersonId, StringComparer.Ordinal)
            .Select(g => (
                PersonId: g.Key,
                FamilyId: g.First().FamilyId!,
                DateOfBirth: g.Where(r => r.DateOfBirth is not null).GroupBy(r => r.DateOfBirth).OrderByDescending(d => d.Count()).ThenBy(d => d.Key).FirstOrDefault()?.Key,
                Golden: g.Select(r => r.GoldenId).ToHashSet(StringComparer.Ordinal)))
            .Where(p => p.DateOfBirth is not null)
            .ToList();
        var pairs = 0;
        var merged = 0;
        foreach (var sameBirth in people.GroupBy(p => (p.FamilyId, p.DateOfBirth)))
        {
            var twins = sameBirth.ToList();
            for (var i = 0; i < twins.Count; i++)
            {
                for (var j = i + 1; j < twins.Count; j++)
                {
                    pairs++;
                    if (twins[i].Golden.Overlaps(twins[j].Golden)) merged++;
                }
            }
        }

        return (pairs, merged);
    }
}
