using SingleView.Match.Model;
using SingleView.Match.Scoring;
using static SingleView.Match.Tests.Records;

namespace SingleView.Match.Tests.Scoring;

public class PairScorerTests
{
    private static MatchExplanation Score(Core.Model.PersonRecord a, Core.Model.PersonRecord b) =>
        new PairScorer(RepositoryConfig.Model).Score(new PreparedRecord(0, a), new PreparedRecord(1, b));

    [Test]
    public void Score_Always_PriorPlusComparisonWeightsIsTheMatchWeight()
    {
        var explanation = Score(Person("a:1"), Person("b:1", first: "Olly"));

        (explanation.Prior + explanation.Comparisons.Sum(c => c.Weight)).ShouldBe(explanation.MatchWeight, 1e-9);
        explanation.MatchProbability.ShouldBe(MatchModel.ProbabilityOf(explanation.MatchWeight), 1e-12);
    }

    [Test]
    public void Score_Nickname_IsTheNicknameLevel() =>
        Score(Person("a:1", first: "Frederick"), Person("b:1", first: "Freddie")).LevelOf(Comparison.FirstName).ShouldBe("nickname");

    [Test]
    public void Score_DayAndMonthSwapped_IsTheSwapLevel() =>
        Score(Person("a:1", dob: "2014-05-07"), Person("b:1", dob: "2014-07-05")).LevelOf(Comparison.DateOfBirth).ShouldBe("day_month_swapped");

    [Test]
    public void Score_OneDigitOff_IsTheOneDigitLevel() =>
        Score(Person("a:1", dob: "2014-05-17"), Person("b:1", dob: "2014-05-18")).LevelOf(Comparison.DateOfBirth).ShouldBe("one_digit_off");

    [Test]
    public void Score_HyphenatedFamilyName_IsTheSharedPartLevel() =>
        Score(Person("a:1", family: "Smith"), Person("b:1", family: "Smith-Jones")).LevelOf(Comparison.FamilyName).ShouldBe("shared_part");

    [Test]
    public void Score_PostcodeInSameSectorWithoutAddress_IsTheSectorLevel() =>
        Score(Person("a:1", postcode: "AT1 2AB", address: null), Person("b:1", postcode: "AT1 2ZZ")).LevelOf(Comparison.Address).ShouldBe("postcode_sector");

    [Test]
    public void Score_SameAddressWrittenDifferently_IsTheHouseAndStreetLevel() =>
        Score(Person("a:1", address: "12 Mill Lane, Anytown"), Person("b:1", address: "12 MILL LN")).LevelOf(Comparison.Address).ShouldBe("same_house_and_street");

    [Test]
    public void Score_MissingValue_ContributesNothing()
    {
        var outcome = Score(Person("a:1", dob: null), Person("b:1")).Comparisons.Single(c => c.Comparison == "date_of_birth");

        outcome.Level.ShouldBe("null");
        outcome.Weight.ShouldBe(0);
    }

    [Test]
    public void Score_DifferentValidNhsNumbers_WeighStronglyAgainst() =>
        Score(Person("a:1", nhs: "9434765919"), Person("b:1", nhs: "9434765870")).Comparisons
            .Single(c => c.Comparison == "nhs_number").Weight.ShouldBeLessThan(-5);
}
