using System.Collections.Immutable;
using SingleView.Core.Model;
using SingleView.Golden.Survivorship;

namespace SingleView.Golden.Tests.Survivorship;

public class FieldSurvivorTests
{
    private static readonly string[] DefaultOrder = ["lcs", "school", "police"];

    private static SourcedValue Value(string value, string feed, int day = 1) =>
        new(value, new SourceRecordKey(feed, value + feed), feed.ToUpperInvariant(), new DateOnly(2026, 11, day));

    [Test]
    public void Choose_SourcePriority_TakesTheFirstListedFeedWithAValue()
    {
        var rule = new FieldRule(SurvivorshipRule.SourcePriority, ["school", "lcs"]);

        var lineage = FieldSurvivor.Choose("first_name", rule, [Value("Freddie", "lcs"), Value("Frederick", "school")], DefaultOrder)!;

        lineage.Chosen.Value.ShouldBe("Frederick");
        lineage.Rule.ShouldContain("source priority");
        lineage.OtherValues.Single().Value.ShouldBe("Freddie");
    }

    [Test]
    public void Choose_MostRecent_TakesTheLatestExtract()
    {
        var rule = new FieldRule(SurvivorshipRule.MostRecent, []);

        var lineage = FieldSurvivor.Choose("address", rule, [Value("1 Old Road", "lcs", day: 3), Value("9 New Street", "police", day: 19)], DefaultOrder)!;

        lineage.Chosen.Value.ShouldBe("9 New Street");
    }

    [Test]
    public void Choose_MostFrequent_TakesTheMajorityValue()
    {
        var rule = new FieldRule(SurvivorshipRule.MostFrequent, []);

        var lineage = FieldSurvivor.Choose("date_of_birth", rule, [Value("2014-05-07", "lcs"), Value("2014-07-05", "school"), Value("2014-07-05", "police")], DefaultOrder)!;

        lineage.Chosen.Value.ShouldBe("2014-07-05");
        lineage.OtherValues.Count.ShouldBe(2);
    }

    [Test]
    public void Choose_InputOrderChanged_ChoosesTheSame()
    {
        var rule = new FieldRule(SurvivorshipRule.MostFrequent, []);
        SourcedValue[] values = [Value("A", "police"), Value("B", "school"), Value("C", "lcs")];

        var forward = FieldSurvivor.Choose("gender", rule, values, DefaultOrder)!;
        var backward = FieldSurvivor.Choose("gender", rule, values.Reverse().ToList(), DefaultOrder)!;

        backward.Chosen.ShouldBe(forward.Chosen);
    }

    [Test]
    public void Choose_NoValues_GivesNoLineage() =>
        FieldSurvivor.Choose("email", new FieldRule(SurvivorshipRule.FirstNonEmpty, ImmutableArray<string>.Empty), [], DefaultOrder).ShouldBeNull();
}
