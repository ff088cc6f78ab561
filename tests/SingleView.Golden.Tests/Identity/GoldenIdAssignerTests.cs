using SingleView.Core.Model;
using SingleView.Golden.Identity;

namespace SingleView.Golden.Tests.Identity;

public class GoldenIdAssignerTests
{
    private static SourceRecordKey K(string text) => SourceRecordKey.TryParse(text, out var key) ? key : throw new ArgumentException(text);

    private static IReadOnlyList<SourceRecordKey>[] Clusters(params string[][] clusters) =>
        clusters.Select(c => (IReadOnlyList<SourceRecordKey>)c.Select(K).ToList()).ToArray();

    private static GoldenIdHistory History(Dictionary<string, string[]> people, Dictionary<string, string?>? issued = null, Dictionary<string, string>? redirects = null) => new()
    {
        Membership = people.SelectMany(p => p.Value.Select(k => (Key: K(k), Id: p.Key))).ToDictionary(x => x.Key, x => x.Id),
        Issued = issued ?? people.Keys.ToDictionary(k => k, _ => (string?)"20261101T020000Z", StringComparer.Ordinal),
        Redirects = redirects ?? new Dictionary<string, string>(StringComparer.Ordinal),
    };

    [Test]
    public void Assign_NoHistory_NewIdFromTheSmallestRecordKey()
    {
        var assignment = GoldenIdAssigner.Assign(Clusters(["school:9", "lcs:1"]), GoldenIdHistory.Empty);

        assignment.Ids.Single().ShouldBe(GoldenIdAssigner.GoldenIdFor(K("lcs:1")));
        assignment.Events.Single().Kind.ShouldBe(GoldenIdEventKind.Created);
    }

    [Test]
    public void Assign_RecordAddedWithASmallerKey_KeepsTheId()
    {
        var history = History(new() { ["PA"] = ["school:5"] });

        var assignment = GoldenIdAssigner.Assign(Clusters(["school:5", "health:1"]), history);

        assignment.Ids.ShouldBe(["PA"]);
        assignment.Events.ShouldContain(e => e.GoldenId == "PA" && e.Kind == GoldenIdEventKind.RecordsAdded && e.SourceRecords.SequenceEqual(new[] { K("health:1") }));
    }

    [Test]
    public void Assign_AnchorRecordRemoved_KeepsTheIdAndRecordsTheRemoval()
    {
        var history = History(new() { ["PA"] = ["health:1", "school:5"] });

        var assignment = GoldenIdAssigner.Assign(Clusters(["school:5"]), history);

        assignment.Ids.ShouldBe(["PA"]);
        assignment.Events.ShouldContain(e => e.GoldenId == "PA" && e.Kind == GoldenIdEventKind.RecordsRemoved && e.SourceRecords.Single() == K("health:1"));
    }

    [Test]
    public void Assign_Unchanged_NoEvents()
    {
        var history = History(new() { ["PA"] = ["health:1", "school:5"], ["PB"] = ["lcs:2"] });

        GoldenIdAssigner.Assign(Clusters(["lcs:2"], ["school:5", "health:1"]), history).Events.ShouldBeEmpty();
    }

    [Test]
    public void Assign_Merge_LargerPreviousPersonSurvivesAndTheOtherRedirects()
    {
        var history = History(new() { ["PA"] = ["lcs:1"], ["PZ"] = ["school:1", "health:1"] });

        var assignment = GoldenIdAssigner.Assign(Clusters(["lcs:1", "school:1", "health:1"]), history);

        assignment.Ids.ShouldBe(["PZ"]);
        assignment.Redirects.ShouldBe([new GoldenIdRedirect("PA", "PZ", "merged")]);
        assignment.Events.ShouldContain(e => e.GoldenId == "PA" && e.Kind == GoldenIdEventKind.MergedInto && e.RelatedGoldenId == "PZ");
        assignment.Events.ShouldContain(e => e.GoldenId == "PZ" && e.Kind == GoldenIdEventKind.Absorbed && e.RelatedGoldenId == "PA");
    }

    [Test]
    public void Assign_MergeOfEqualSizes_OlderSurvives()
    {
        var issued = new Dictionary<string, string?>(StringComparer.Ordinal) { ["PA"] = "20261120T020000Z", ["PZ"] = "20261101T020000Z" };
        var history = History(new() { ["PA"] = ["lcs:1"], ["PZ"] = ["school:1"] }, issued);

        GoldenIdAssigner.Assign(Clusters(["lcs:1", "school:1"]), history).Ids.ShouldBe(["PZ"]);
    }

    [Test]
    public void Assign_MergeOfEqualSizeAndAge_OrdinallySmallerSurvives()
    {
        var history = History(new() { ["PB"] = ["lcs:1"], ["PA"] = ["school:1"] });

        GoldenIdAssigner.Assign(Clusters(["lcs:1", "school:1"]), history).Ids.ShouldBe(["PA"]);
    }

    [Test]
    public void Assign_Split_PartWithMostOldRecordsKeepsTheIdAndTheOtherIsNew()
    {
        var history = History(new() { ["PA"] = ["lcs:1", "school:1", "health:1"] });

        var assignment = GoldenIdAssigner.Assign(Clusters(["lcs:1"], ["school:1", "health:1"]), history);

        assignment.Ids[1].ShouldBe("PA");
        assignment.Ids[0].ShouldBe(GoldenIdAssigner.GoldenIdFor(K("lcs:1")));
        assignment.Events.ShouldContain(e => e.GoldenId == "PA" && e.Kind == GoldenIdEventKind.Split && e.RelatedGoldenId == assignment.Ids[0]);
        assignment.Events.ShouldContain(e => e.GoldenId == assignment.Ids[0] && e.Kind == GoldenIdEventKind.SplitFrom && e.RelatedGoldenId == "PA");
        assignment.Redirects.ShouldBeEmpty();
    }

    [Test]
    public void Assign_SplitIntoEqualParts_PartWithTheSmallerRecordKeyKeepsTheId()
    {
        var history = History(new() { ["PA"] = ["lcs:1", "school:1"] });

        var assignment = GoldenIdAssigner.Assign(Clusters(["school:1"], ["lcs:1"]), history);

        assignment.Ids[1].ShouldBe("PA");
    }

    [Test]
    public void Assign_NewPersonWhoseFirstChoiceWasRedirected_GetsAnotherNeverUsedId()
    {
        var retired = GoldenIdAssigner.GoldenIdFor(K("lcs:7"));
        var redirects = new Dictionary<string, string>(StringComparer.Ordinal) { [retired] = "PZ" };
        var issued = new Dictionary<string, string?>(StringComparer.Ordinal) { [retired] = null, ["PZ"] = null };
        var history = History(new() { ["PZ"] = ["school:1"] }, issued, redirects);

        var assignment = GoldenIdAssigner.Assign(Clusters(["school:1"], ["lcs:7"]), history);

        assignment.Ids[1].ShouldBe(GoldenIdAssigner.GoldenIdFor(K("lcs:7"), 1));
    }

    [Test]
    public void Assign_NewPersonWhoseFirstChoiceIsLive_GetsAnotherId()
    {
        var live = GoldenIdAssigner.GoldenIdFor(K("lcs:7"));
        var history = History(new() { [live] = ["school:1"] });

        var assignment = GoldenIdAssigner.Assign(Clusters(["school:1"], ["lcs:7"]), history);

        assignment.Ids.ShouldBe([live, GoldenIdAssigner.GoldenIdFor(K("lcs:7"), 1)]);
    }

    [Test]
    public void Assign_EveryRecordGone_IdRetired()
    {
        var history = History(new() { ["PA"] = ["lcs:1"], ["PB"] = ["school:1"] });

        var assignment = GoldenIdAssigner.Assign(Clusters(["school:1"]), history);

        assignment.Events.ShouldBe([new GoldenIdEvent("PA", GoldenIdEventKind.Retired, null, [K("lcs:1")])], ignoreOrder: false, comparer: new EventComparer());
    }

    [Test]
    public void Assign_RetiredPersonsFirstRecordComesBack_GetsTheirIdBack()
    {
        var id = GoldenIdAssigner.GoldenIdFor(K("lcs:1"));
        var issued = new Dictionary<string, string?>(StringComparer.Ordinal) { [id] = "20261101T020000Z" };

        var assignment = GoldenIdAssigner.Assign(Clusters(["lcs:1"]), History([], issued));

        assignment.Ids.ShouldBe([id]);
        assignment.Events.Single().Kind.ShouldBe(GoldenIdEventKind.Returned);
    }

    [Test]
    public void Assign_TargetOfAnEarlierRedirectMerges_EarlierRedirectLeadsStraightToTheSurvivor()
    {
        var redirects = new Dictionary<string, string>(StringComparer.Ordinal) { ["PA"] = "PB" };
        var history = History(new() { ["PB"] = ["lcs:1"], ["PC"] = ["school:1", "health:1"] }, redirects: redirects);

        var assignment = GoldenIdAssigner.Assign(Clusters(["lcs:1", "school:1", "health:1"]), history);

        var after = assignment.ApplyTo(redirects);
        after["PA"].ShouldBe("PC");
        after["PB"].ShouldBe("PC");
    }

    [Test]
    public void Assign_LiveIdThatHadARedirect_RedirectRemoved()
    {
        var redirects = new Dictionary<string, string>(StringComparer.Ordinal) { ["PA"] = "PB" };
        var history = History(new() { ["PA"] = ["lcs:1"] }, redirects: redirects);

        GoldenIdAssigner.Assign(Clusters(["lcs:1"]), history).RedirectsRemoved.ShouldBe(["PA"]);
    }

    [Test]
    public void Assign_ClustersInAnotherOrder_SameIds()
    {
        var history = History(new() { ["PA"] = ["lcs:1", "school:1"] });
        var forward = GoldenIdAssigner.Assign(Clusters(["lcs:1"], ["school:1"], ["police:4"]), history);

        var backward = GoldenIdAssigner.Assign(Clusters(["police:4"], ["school:1"], ["lcs:1"]), history);

        backward.Ids.Reverse().ShouldBe(forward.Ids);
    }

    [Test]
    public void Assign_ManyRandomNights_RedirectsNeverLoopAndIdsAreNeverReused()
    {
        var random = new Random(11);
        var history = GoldenIdHistory.Empty;
        var everIssued = new Dictionary<string, string?>(StringComparer.Ordinal);
        var redirects = new Dictionary<string, string>(StringComparer.Ordinal);
        var records = Enumerable.Range(0, 60).Select(i => K($"feed{i % 3}:{i}")).ToList();
        for (var night = 0; night < 40; night++)
        {
            // Random people from a random subset of records: merges, splits, arrivals and departures at once.
            var present = records.Where(_ => random.NextDouble() < 0.85).OrderBy(_ => random.Next()).ToList();
            var clusters = new List<IReadOnlyList<SourceRecordKey>>();
            for (var i = 0; i < present.Count;)
            {
                var size = Math.Min(random.Next(1, 5), present.Count - i);
                clusters.Add(present.GetRange(i, size));
                i += size;
            }

            var assignment = GoldenIdAssigner.Assign(clusters, history);

            assignment.Ids.Distinct().Count().ShouldBe(clusters.Count);
            var created = assignment.Events.Where(e => e.Kind == GoldenIdEventKind.Created).Select(e => e.GoldenId);
            created.ShouldAllBe(id => !everIssued.ContainsKey(id));
            redirects = assignment.ApplyTo(redirects);
            redirects.Keys.ShouldAllBe(old => !assignment.Ids.Contains(old));
            redirects.Values.ShouldAllBe(target => !redirects.ContainsKey(target));
            foreach (var id in assignment.Ids) everIssued.TryAdd(id, $"night{night:00}");
            history = new GoldenIdHistory
            {
                Membership = clusters.SelectMany((c, i) => c.Select(k => (k, assignment.Ids[i]))).ToDictionary(x => x.k, x => x.Item2),
                Issued = everIssued,
                Redirects = redirects,
            };
        }
    }

    private sealed class EventComparer : IEqualityComparer<GoldenIdEvent>
    {
        public bool Equals(GoldenIdEvent? x, GoldenIdEvent? y) =>
            x is not null && y is not null && x.GoldenId == y.GoldenId && x.Kind == y.Kind && x.RelatedGoldenId == y.RelatedGoldenId && x.SourceRecords.SequenceEqual(y.SourceRecords);

        public int GetHashCode(GoldenIdEvent obj) => obj.GoldenId.GetHashCode(StringComparison.Ordinal);
    }
}
