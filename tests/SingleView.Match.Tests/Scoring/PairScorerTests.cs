using SingleView.Core.Model;
using SingleView.Match.Model;
using SingleView.Match.Scoring;
using static SingleView.Match.Tests.Records;

namespace SingleView.Match.Tests.Scoring;

public class PairScorerTests
{
    private static MatchExplanation Score(PersonRecord a, PersonRecord b, params PersonRecord[] population)
    {
        PreparedRecord[] pair = [new(0, a), new(1, b)];
        ValueFrequencies.Of(population.Length == 0 ? [a, b] : population).Annotate(pair);
        return new PairScorer(RepositoryConfig.Model).Explain(pair[0], pair[1]);
    }

    [Test]
    public void Explain_Always_PriorPlusEveryBarIsTheMatchWeight()
    {
        var explanation = Score(Person("a:1"), Person("b:1", first: "Olly"));

        (explanation.Prior + explanation.Comparisons.Sum(c => c.Weight)).ShouldBe(explanation.MatchWeight, 1e-9);
        explanation.MatchProbability.ShouldBe(MatchModel.ProbabilityOf(explanation.MatchWeight), 1e-12);
    }

    [Test]
    public void Explain_Nickname_IsTheNicknameLevel() =>
        Score(Person("a:1", first: "Frederick"), Person("b:1", first: "Freddie")).LevelOf("first_name").ShouldBe("nickname");

    [Test]
    public void Explain_DayAndMonthSwapped_IsTheSwapLevel() =>
        Score(Person("a:1", dob: "2014-05-07"), Person("b:1", dob: "2014-07-05")).LevelOf("date_of_birth").ShouldBe("day_month_swapped");

    [Test]
    public void Explain_OneDigitOff_IsTheOneDigitLevel() =>
        Score(Person("a:1", dob: "2014-05-17"), Person("b:1", dob: "2014-05-18")).LevelOf("date_of_birth").ShouldBe("one_digit_off");

    [Test]
    public void Explain_YearDigitsTransposed_IsTheTransposedLevel() =>
        Score(Person("a:1", dob: "1937-04-16"), Person("b:1", dob: "1973-04-16")).LevelOf("date_of_birth").ShouldBe("digits_transposed");

    [Test]
    public void Explain_NamesSwappedWithASpaceTypedIntoOne_IsTheSwappedLevel() =>
        Score(Person("a:1", first: "Hayden", family: "Thredgold"), Person("b:1", first: "Thred Gold", family: "Hayden")).LevelOf("first_name").ShouldBe("swapped_with_family_name");

    [Test]
    public void Explain_NamesSwappedWithATypo_IsTheSwappedAndMistypedLevel() =>
        Score(Person("a:1", first: "Chloe", family: "Ryan"), Person("b:1", first: "Ryna", family: "Chloe")).LevelOf("family_name").ShouldBe("swapped_and_mistyped");

    [Test]
    public void Explain_OneNameCrossedTheOtherReplaced_IsTheCrossedLevel() =>
        Score(Person("a:1", first: "Natalia", family: "Streich"), Person("b:1", first: "Mason", family: "Natalia")).LevelOf("first_name").ShouldBe("crossed_with_family_name");

    [Test]
    public void Explain_OneNameCrossedTheOtherReplaced_FamilyNameNotCountedAgain() =>
        Score(Person("a:1", first: "Natalia", family: "Streich"), Person("b:1", first: "Mason", family: "Natalia")).LevelOf("family_name").ShouldBe("different");

    [Test]
    public void Explain_AddressMistyped_IsTheSimilarLevel() =>
        Score(Person("a:1", address: "12 Mill Lane Anytown"), Person("b:1", address: "12 Mil Lane Anytown")).LevelOf("address").ShouldBe("similar");

    [Test]
    public void Explain_NeighboursAddressWithAnotherPostcode_NotTheSimilarLevel() =>
        Score(Person("a:1", address: "113 Vicarage Lane Kingsbridge", postcode: "AT13 7XF"), Person("b:1", address: "31 Vicarage Lane Kingsbridge", postcode: "AT13 3LJ"))
            .LevelOf("address").ShouldNotBe("similar");

    [Test]
    public void Explain_HyphenatedFamilyName_IsTheSharedPartLevel() =>
        Score(Person("a:1", family: "Smith"), Person("b:1", family: "Smith-Jones")).LevelOf("family_name").ShouldBe("shared_part");

    [Test]
    public void Explain_PostcodeInSameSectorWithoutAddress_IsTheSectorLevel() =>
        Score(Person("a:1", postcode: "AT1 2AB", address: null), Person("b:1", postcode: "AT1 2ZZ")).LevelOf("address").ShouldBe("postcode_sector");

    [Test]
    public void Explain_SameAddressWrittenDifferently_IsTheHouseAndStreetLevel() =>
        Score(Person("a:1", address: "12 Mill Lane, Anytown"), Person("b:1", address: "12 MILL LN")).LevelOf("address").ShouldBe("same_house_and_street");

    [Test]
    public void Explain_MovedWithinTheTown_CityComparisonAgrees() =>
        Score(Person("a:1", address: "12 Mill Lane, Anytown"), Person("b:1", address: "3 Far Road, Anytown", postcode: "AT9 9ZZ")).LevelOf("city").ShouldBe("exact");

    [Test]
    public void Explain_SameAddress_CityNotCountedAgain() =>
        Score(Person("a:1"), Person("b:1")).LevelOf("city").ShouldBe("null");

    [Test]
    public void Explain_SlipInAValueSeenOnceBesideACommonOne_IsTheMisspellingLevel()
    {
        PersonRecord[] population = [Person("a:1", first: "Emily"), Person("a:2", first: "Emily"), Person("a:3", first: "Emily"), Person("b:1", first: "Emliy")];

        Score(population[0], population[3], population).LevelOf("first_name").ShouldBe("misspelling");
    }

    [Test]
    public void Explain_TwoCommonNamesOneEditApart_NotTheMisspellingLevel()
    {
        PersonRecord[] population = [Person("a:1", first: "Jack"), Person("a:2", first: "Jack"), Person("b:1", first: "Jake"), Person("b:2", first: "Jake")];

        Score(population[0], population[2], population).LevelOf("first_name").ShouldNotBe("misspelling");
    }

    [Test]
    public void Explain_NamesThatSoundAlike_IsThePhoneticLevel() =>
        Score(Person("a:1", first: "Catherine"), Person("b:1", first: "Kathryn")).LevelOf("first_name").ShouldBe("sounds_alike");

    [Test]
    public void Explain_MissingValue_ContributesNothing()
    {
        var outcome = Score(Person("a:1", dob: null), Person("b:1")).Comparisons.Single(c => c.Comparison == "date_of_birth");

        outcome.Level.ShouldBe("null");
        outcome.Weight.ShouldBe(0);
    }

    [Test]
    public void Explain_DifferentValidNhsNumbers_WeighStronglyAgainst() =>
        Score(Person("a:1", nhs: "9434765919"), Person("b:1", nhs: "9434765870")).Comparisons
            .Single(c => c.Comparison == "nhs_number").Weight.ShouldBeLessThan(-5);

    [Test]
    public void Explain_ExactFamilyName_HasItsTermFrequencyBarOfItsOwn()
    {
        var population = Enumerable.Range(0, 1200).Select(i => Person($"p:{i}", family: $"Name{i % 600}")).ToArray();

        var explanation = Score(population[0], population[600], population);

        explanation.Comparisons.ShouldContain(c => c.Comparison == "family_name" && c.IsTermFrequencyAdjustment && c.Weight != 0);
    }

    [Test]
    public void Explain_SharedRareFamilyName_WeighsMoreThanSharedCommonOne()
    {
        var population = Enumerable.Range(0, 1200).Select(i => Person($"p:{i}", family: i % 10 == 0 ? "Smith" : $"Name{i}")).Append(Person("r:1", family: "Okonkwo-Bright")).Append(Person("r:2", family: "Okonkwo-Bright")).ToArray();

        var common = Score(population[0], population[10], population).MatchWeight;
        var rare = Score(population[^2], population[^1], population).MatchWeight;

        rare.ShouldBeGreaterThan(common + 3);
    }
}
