using SingleView.Core.Model;
using SingleView.Match.Model;
using SingleView.Match.Scoring;
using static SingleView.Match.Tests.Records;

namespace SingleView.Match.Tests.Scoring;

public class WeightBoundTests
{
    /// <summary>Records that vary every compared column: typos, nicknames, twins, moves, swapped dates, identifiers, gaps.</summary>
    private static List<PersonRecord> VariedRecords()
    {
        string?[] firsts = ["Oliver", "Olivre", "Ollie", "Olive", "O", null, "Jack", "Jake"];
        string?[] families = ["Okonkwo", "Okonkow", "Okonkwo-Smith", null];
        string?[] dobs = ["2014-05-17", "2014-05-07", "2014-07-05", "2015-05-17", "2013-05-18", null];
        (string? Address, string? Postcode)[] homes = [("12 Mill Lane, Anytown", "AT1 2AB"), ("12 Mill Lane, Otherton", "AT1 2AX"), ("3 Far Road, Anytown", "AT9 9ZZ"), (null, null)];
        string?[] nhs = [null, "9434765919", "9434765870", "1234567890"];
        var records = new List<PersonRecord>();
        var n = 0;
        foreach (var first in firsts)
        {
            foreach (var family in families)
            {
                foreach (var dob in dobs)
                {
                    var home = homes[n % homes.Length];
                    records.Add(Person(
                        $"feed:{n}", first: first, family: family, dob: dob, address: home.Address, postcode: home.Postcode,
                        nhs: nhs[n / 3 % nhs.Length], gender: n % 5 == 0 ? Gender.Female : Gender.Male, middle: n % 7 == 0 ? "Jack" : null));
                    n++;
                }
            }
        }

        return records;
    }

    [Test]
    public void UpperBound_EveryPairOfVariedRecords_AtLeastTheScoredWeight()
    {
        // A tiny run counts every value for term frequencies, so the adjustments are exercised too.
        var model = RepositoryConfig.Model with { TermFrequency = new TermFrequencySettings(0.00001, 1.0, 1) };
        var prepared = MatchEngine.Prepare(VariedRecords());
        var keys = MatchKeys.Of(prepared, model.Nicknames, out var groups);
        var scorer = new PairScorer(model);
        var bound = new WeightBound(model, scorer, prepared, groups);
        Span<int> levels = stackalloc int[scorer.ComparisonCount];
        var below = 0;
        for (var a = 0; a < prepared.Length; a++)
        {
            for (var b = 0; b < prepared.Length; b++)
            {
                if (a == b) continue;
                var weight = scorer.Score(prepared[a], prepared[b], levels);
                bound.UpperBound(keys[a], keys[b], a).ShouldBeGreaterThanOrEqualTo(weight - 1e-9, $"{prepared[a].Key} ~ {prepared[b].Key}");
                if (bound.BelowReview(keys[a], keys[b], a)) below++;
            }
        }

        below.ShouldBeGreaterThan(0);
    }

    [Test]
    public void BelowReview_DifferentNamesAndBirthdays_True()
    {
        var model = RepositoryConfig.Model;
        // Names of other lengths: in data this small both names are rare, so one letter's difference could be a slip.
        var prepared = MatchEngine.Prepare([Person("school:1"), Person("school:2", first: "Amarachi", family: "Patel", dob: "2010-01-30")]);
        var keys = MatchKeys.Of(prepared, model.Nicknames, out var groups);

        new WeightBound(model, new PairScorer(model), prepared, groups).BelowReview(keys[0], keys[1], 0).ShouldBeTrue();
    }

    [Test]
    public void BelowReview_SamePersonWithATypo_False()
    {
        var model = RepositoryConfig.Model;
        var prepared = MatchEngine.Prepare([Person("school:1"), Person("police:2", first: "Olivre")]);
        var keys = MatchKeys.Of(prepared, model.Nicknames, out var groups);

        new WeightBound(model, new PairScorer(model), prepared, groups).BelowReview(keys[0], keys[1], 0).ShouldBeFalse();
    }
}
