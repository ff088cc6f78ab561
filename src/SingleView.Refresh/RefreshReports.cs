using SingleView.Core.Model;
using SingleView.Golden.Families;
using SingleView.Golden.Identity;
using SingleView.Match;
using SingleView.Match.Constraints;
using SingleView.Match.Scoring;
using SingleView.Standardise;

namespace SingleView.Refresh;

/// <summary>Puts a run's figures together into its <see cref="RefreshReport"/>.</summary>
internal static class RefreshReports
{
    public static RefreshReport Create(
        string runId,
        long publicationId,
        IReadOnlyList<StandardisedFeed> feeds,
        MatchResult match,
        IReadOnlyList<GoldenRecord> people,
        FamilyResult families,
        GoldenIdAssignment identity,
        MatchConstraints constraints,
        IReadOnlyList<StageTiming> stages)
    {
        var linkedByFeed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            if (person.Members.Count < 2) continue;
            foreach (var member in person.Members) linkedByFeed[member.Feed] = linkedByFeed.GetValueOrDefault(member.Feed) + 1;
        }

        var inReview = new HashSet<SourceRecordKey>();
        foreach (var pair in match.Pairs)
        {
            if (pair.Decision != MatchDecision.Review) continue;
            inReview.Add(pair.Left);
            inReview.Add(pair.Right);
        }

        var reviewByFeed = inReview.GroupBy(k => k.Feed, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        int Count(GoldenIdEventKind kind) => identity.Events.Count(e => e.Kind == kind);
        return new RefreshReport
        {
            RunId = runId,
            Feeds = feeds.Select(f => f.Coverage).ToList(),
            FeedRuns = feeds.Select(f => new FeedRun(
                f.Coverage.Feed,
                f.Coverage.State,
                f.Coverage.Rows + f.Coverage.Quarantined,
                f.Coverage.Quarantined,
                f.Records.Count,
                linkedByFeed.GetValueOrDefault(f.Coverage.Feed),
                reviewByFeed.GetValueOrDefault(f.Coverage.Feed))).ToList(),
            SourceRecords = feeds.Sum(f => f.Records.Count),
            CandidatePairs = match.CandidatePairs,
            LinkedPairs = match.Linked,
            ReviewPairs = match.ReviewPairs,
            GoldenRecords = people.Count,
            Children = people.Count(p => p.Kind == PersonKind.Child),
            Adults = people.Count(p => p.Kind == PersonKind.Adult),
            Families = families.Families.Count,
            Relationships = families.Relationships.Count,
            Unmatchable = match.Unmatchable,
            PublicationId = publicationId,
            Stages = stages,
            GoldenIds = new GoldenIdChanges(
                Count(GoldenIdEventKind.Created),
                Count(GoldenIdEventKind.Returned),
                Count(GoldenIdEventKind.MergedInto),
                identity.Events.Where(e => e.Kind == GoldenIdEventKind.Split).Select(e => e.GoldenId).Distinct(StringComparer.Ordinal).Count(),
                Count(GoldenIdEventKind.Retired),
                identity.Events.Where(e => e.Kind is GoldenIdEventKind.RecordsAdded or GoldenIdEventKind.RecordsRemoved or GoldenIdEventKind.Absorbed)
                    .Select(e => e.GoldenId).Distinct(StringComparer.Ordinal).Count(),
                identity.Redirects.Count),
            MustLinkDecisions = constraints.MustLink.Count,
            CannotLinkDecisions = constraints.CannotLink.Count,
        };
    }
}
