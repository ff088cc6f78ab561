using SingleView.Core.Evaluation;

namespace SingleView.Cli.Commands.Accuracy;

/// <summary>A published source record: the golden record it is in, and its date of birth (for the truth's twins).</summary>
internal readonly record struct PublishedRecord(string GoldenId, DateOnly? DateOfBirth);

/// <summary>The figures of one set: pairwise over every input row, the review queue, twins merged.</summary>
internal sealed record AccuracyFigures
{
    public required int Records { get; init; }
    /// <summary>Input rows that never reached the serving database (quarantined, held...): each is alone, so all its true pairs are misses.</summary>
    public required int Unpublished { get; init; }
    public required long TruePositivePairs { get; init; }
    public required long FalsePositivePairs { get; init; }
    public required long FalseNegativePairs { get; init; }
    /// <summary>True pairs with at least one record never published: misses the engine never had a chance at.</summary>
    public required long PairsLostUnpublished { get; init; }
    /// <summary>Missed pairs of published records whose pair is in the review queue.</summary>
    public required long MissedInReview { get; init; }
    /// <summary>Missed pairs of published records that were linked as a pair but ended in different golden records (the cluster guard).</summary>
    public required long MissedLinkedButSplit { get; init; }
    /// <summary>Missed pairs of published records with no published decision: never a candidate, or scored below the review threshold.</summary>
    public long MissedNotLinked => FalseNegativePairs - PairsLostUnpublished - MissedInReview - MissedLinkedButSplit;
    public required int ReviewPairs { get; init; }
    /// <summary>Up to the list limit: missed pairs (feed:id feed:id) with where each went.</summary>
    public IReadOnlyList<string> MissedExamples { get; init; } = [];
    /// <summary>Up to the list limit: pairs of two true people in one golden record.</summary>
    public IReadOnlyList<string> FalseLinkExamples { get; init; } = [];
    public required int TwinPairs { get; init; }
    public required int TwinPairsMerged { get; init; }

    public double Precision => TruePositivePairs + FalsePositivePairs == 0 ? 1 : (double)TruePositivePairs / (TruePositivePairs + FalsePositivePairs);
    public double Recall => TruePositivePairs + FalseNegativePairs == 0 ? 1 : (double)TruePositivePairs / (TruePositivePairs + FalseNegativePairs);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public double ReviewShare => Records == 0 ? 0 : (double)ReviewPairs / Records;
}

/// <summary>
/// Scores the published links against a set's truth, counting every input row: a row that was never
/// published is a golden record of its own, so its true pairs are misses, never left out of the sum.
/// </summary>
internal static class AccuracyScore
{
    /// <param name="decisions">The published pair decisions, each pair with its two keys in ordinal order: true for a link, false for review.</param>
    public static AccuracyFigures Of(
        AccuracyTruth truth,
        IReadOnlyDictionary<(string Feed, string RecordId), PublishedRecord> published,
        IReadOnlyDictionary<((string Feed, string RecordId) Left, (string Feed, string RecordId) Right), bool> decisions,
        int listLimit = 0)
    {
        if (published.Count == 0) throw new InvalidOperationException("nothing was published: there are no links to score");
        var records = new List<EvaluatedRecord>(truth.Rows.Count);
        var unpublished = 0;
        var unpublishedPeople = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ((feed, recordId), (personId, familyId)) in truth.Rows)
        {
            if (published.TryGetValue((feed, recordId), out var record))
            {
                records.Add(new EvaluatedRecord(record.GoldenId, personId, familyId, record.DateOfBirth));
            }
            else
            {
                unpublished++;
                unpublishedPeople[personId] = unpublishedPeople.GetValueOrDefault(personId) + 1;
                // Its own cluster, named so that no published golden id can equal it.
                records.Add(new EvaluatedRecord($"\u0000unpublished {feed} {recordId}", personId, familyId, null));
            }
        }

        var figures = LinkageEvaluation.Evaluate(records);
        var missedExamples = new List<string>();
        var (inReview, split) = MissedWithDecision(truth, published, decisions, listLimit, missedExamples);
        var (twinPairs, twinsMerged) = truth.TwinPairs is { } twins ? CountTwins(records, twins) : (figures.TwinPairs, figures.TwinPairsMerged);
        return new AccuracyFigures
        {
            Records = records.Count,
            Unpublished = unpublished,
            TruePositivePairs = figures.TruePositivePairs,
            FalsePositivePairs = figures.FalsePositivePairs,
            FalseNegativePairs = figures.FalseNegativePairs,
            PairsLostUnpublished = PairsLost(records, unpublishedPeople),
            MissedInReview = inReview,
            MissedLinkedButSplit = split,
            ReviewPairs = decisions.Values.Count(link => !link),
            TwinPairs = twinPairs,
            MissedExamples = missedExamples,
            FalseLinkExamples = FalseLinks(truth, published, listLimit),
            TwinPairsMerged = twinsMerged,
        };
    }

    /// <summary>Pairs of one true person, both published, in different golden records: which were queued, which linked and split.</summary>
    private static (long InReview, long Split) MissedWithDecision(
        AccuracyTruth truth,
        IReadOnlyDictionary<(string Feed, string RecordId), PublishedRecord> published,
        IReadOnlyDictionary<((string, string), (string, string)), bool> decisions,
        int listLimit,
        List<string> examples)
    {
        long inReview = 0, split = 0;
        foreach (var person in truth.Rows.GroupBy(r => r.Value.PersonId, StringComparer.Ordinal))
        {
            var keys = person.Select(r => r.Key).Order().ToList();
            for (var i = 0; i < keys.Count; i++)
            {
                for (var j = i + 1; j < keys.Count; j++)
                {
                    string cause;
                    if (!published.TryGetValue(keys[i], out var left) || !published.TryGetValue(keys[j], out var right)) cause = "never published";
                    else if (left.GoldenId == right.GoldenId) continue;
                    else if (!decisions.TryGetValue(Ordered(keys[i], keys[j]), out var link)) cause = "no decision (never a candidate, or below review)";
                    else if (link)
                    {
                        split++;
                        cause = "linked, split by the cluster guard";
                    }
                    else
                    {
                        inReview++;
                        cause = "in review";
                    }

                    if (examples.Count < listLimit) examples.Add($"{Key(keys[i])} {Key(keys[j])}  {cause}");
                }
            }
        }

        return (inReview, split);
    }

    private static string Key((string Feed, string RecordId) key) => $"{key.Feed}:{key.RecordId}";

    /// <summary>Up to the limit, pairs of records of two true people that share a golden record.</summary>
    private static List<string> FalseLinks(
        AccuracyTruth truth, IReadOnlyDictionary<(string Feed, string RecordId), PublishedRecord> published, int listLimit)
    {
        var links = new List<string>();
        if (listLimit == 0) return links;
        var clusters = truth.Rows.Where(r => published.ContainsKey(r.Key))
            .GroupBy(r => published[r.Key].GoldenId, StringComparer.Ordinal)
            .Where(g => g.Select(r => r.Value.PersonId).Distinct(StringComparer.Ordinal).Skip(1).Any())
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var cluster in clusters)
        {
            var rows = cluster.OrderBy(r => r.Key).ToList();
            for (var i = 0; i < rows.Count; i++)
            {
                for (var j = i + 1; j < rows.Count; j++)
                {
                    if (rows[i].Value.PersonId == rows[j].Value.PersonId) continue;
                    if (links.Count == listLimit) return links;
                    links.Add($"{Key(rows[i].Key)} {Key(rows[j].Key)}  people {rows[i].Value.PersonId} and {rows[j].Value.PersonId} in {cluster.Key}");
                }
            }
        }

        return links;
    }

    public static ((string, string), (string, string)) Ordered((string Feed, string RecordId) left, (string Feed, string RecordId) right)
    {
        var order = string.CompareOrdinal(left.Feed, right.Feed);
        if (order == 0) order = string.CompareOrdinal(left.RecordId, right.RecordId);
        return order <= 0 ? (left, right) : (right, left);
    }

    // A person with n rows of which u were not published loses every pair that touches one of the u.
    private static long PairsLost(List<EvaluatedRecord> records, Dictionary<string, int> unpublishedPeople)
    {
        var rowsPerPerson = records.GroupBy(r => r.PersonId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        long lost = 0;
        foreach (var (person, missing) in unpublishedPeople)
        {
            var n = rowsPerPerson[person];
            var kept = n - missing;
            lost += (n * (n - 1) / 2) - (kept * (kept - 1) / 2);
        }

        return lost;
    }

    private static (int Pairs, int Merged) CountTwins(List<EvaluatedRecord> records, IReadOnlyList<(string Left, string Right)> twins)
    {
        var golden = records.GroupBy(r => r.PersonId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.GoldenId).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var merged = twins.Count(t => golden.TryGetValue(t.Left, out var left) && golden.TryGetValue(t.Right, out var right) && left.Overlaps(right));
        return (twins.Count, merged);
    }
}
