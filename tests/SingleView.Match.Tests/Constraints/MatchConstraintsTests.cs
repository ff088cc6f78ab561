using SingleView.Core.Model;
using SingleView.Match.Constraints;
using SingleView.Match.Scoring;
using static SingleView.Match.Tests.Records;

namespace SingleView.Match.Tests.Constraints;

public class MatchConstraintsTests
{
    private static MatchResult Run(MatchConstraints constraints, params PersonRecord[] records) =>
        new MatchEngine(RepositoryConfig.Model).Run(records, constraints);

    private static bool Together(MatchResult result, string a, string b) =>
        result.People.Any(p => p.Any(r => r.Key.ToString() == a) && p.Any(r => r.Key.ToString() == b));

    private static SourceRecordKey Key(string text) => SourceRecordKey.TryParse(text, out var key) ? key : throw new ArgumentException(text);

    [Test]
    public void Run_MustLinkOnUnlikePair_LinkedByAPerson()
    {
        var constraints = new MatchConstraints { MustLink = [(Key("school:1"), Key("police:9"))] };

        var result = Run(constraints, Person("school:1"), Person("police:9", first: "Amelia", family: "Jones", dob: "1990-01-01", postcode: "ZZ9 9ZZ", address: null));

        Together(result, "school:1", "police:9").ShouldBeTrue();
        var pair = result.Pairs.Single();
        pair.Decision.ShouldBe(MatchDecision.Linked);
        pair.DecidedByPerson.ShouldBeTrue();
        pair.Explanation.SafeguardsApplied.ShouldContain(MatchEngine.LinkedByPerson);
    }

    [Test]
    public void Run_CannotLinkOnIdenticalPair_KeptApartAndNotReviewed()
    {
        var constraints = new MatchConstraints { CannotLink = [(Key("school:1"), Key("police:9"))] };

        var result = Run(constraints, Person("school:1"), Person("police:9"));

        Together(result, "school:1", "police:9").ShouldBeFalse();
        result.Pairs.ShouldBeEmpty();
    }

    [Test]
    public void Run_ChainWithEndsKeptApart_EndsNeverTogether()
    {
        // A~B and B~C score as links; a person said A and C are different people.
        var constraints = new MatchConstraints { CannotLink = [(Key("school:A"), Key("police:C"))] };

        var result = Run(constraints, Person("school:A"), Person("health:B"), Person("police:C"));

        Together(result, "school:A", "police:C").ShouldBeFalse();
        result.Pairs.ShouldContain(p => p.Decision == MatchDecision.Review && p.Explanation.SafeguardsApplied.Contains(MatchEngine.RefusedByClustering));
        result.Pairs.ShouldNotContain(p => p.Left.ToString() == "police:C" && p.Right.ToString() == "school:A" || p.Left.ToString() == "school:A" && p.Right.ToString() == "police:C");
    }

    [Test]
    public void Run_MustLinkPairThatScoresForReview_NotInReviewQueue()
    {
        var constraints = new MatchConstraints { MustLink = [(Key("school:1"), Key("police:9"))] };

        var result = Run(constraints, Person("school:1"), Person("police:9", first: "Olivre"));

        result.Pairs.Count.ShouldBe(1);
        result.ReviewPairs.ShouldBe(0);
        Together(result, "school:1", "police:9").ShouldBeTrue();
    }

    [Test]
    public void Run_MustLinkContradictingCannotLink_KeptApartAndWarned()
    {
        var constraints = new MatchConstraints
        {
            MustLink = [(Key("a:1"), Key("b:2")), (Key("b:2"), Key("c:3"))],
            CannotLink = [(Key("a:1"), Key("c:3"))],
        };
        var warnings = new List<string>();

        var result = new MatchEngine(RepositoryConfig.Model).Run(
            [Person("a:1"), Person("b:2", first: "Zed"), Person("c:3", first: "Yan", dob: "1970-01-01")], constraints, warnings.Add);

        Together(result, "a:1", "c:3").ShouldBeFalse();
        warnings.ShouldHaveSingleItem();
    }

    [Test]
    public void Run_ConstraintOnRecordNotInRun_Ignored()
    {
        var constraints = new MatchConstraints { MustLink = [(Key("school:1"), Key("gone:1"))] };

        var result = Run(constraints, Person("school:1"), Person("police:9"));

        result.People.Count.ShouldBe(1);
    }
}
