using SingleView.Match.Scoring;
using static SingleView.Match.Tests.Records;

namespace SingleView.Match.Tests;

public class MatchEngineTests
{
    private static MatchResult Run(params Core.Model.PersonRecord[] records) => new MatchEngine(RepositoryConfig.Model).Run(records);

    [Test]
    public void Run_SamePersonAcrossFeedsAfterAMove_Linked()
    {
        var result = Run(Person("school:1"), Person("police:9", address: "3 Far Road, Otherton", postcode: "OT9 9ZZ"));

        result.People.Count.ShouldBe(1);
        result.Pairs.Single().Decision.ShouldBe(MatchDecision.Linked);
    }

    [Test]
    public void Run_TypoOfAKnownNameAtSameHomeAndBirthday_Linked()
    {
        // Olivre beside Oliver, in data too small to say what is common: Olivre is no name the
        // nickname table knows, so it is a slip of the keyboard, not a twin.
        var result = Run(Person("school:1"), Person("police:9", first: "Olivre"));

        result.People.Count.ShouldBe(1);
        result.Pairs.Single().Explanation.LevelOf("first_name").ShouldBe("misspelling");
    }

    [Test]
    public void Run_TwoKnownNamesOneLetterApartAtSameHomeAndBirthday_NotLinked()
    {
        // Jake and Jack are both names: twins may carry them, so this is no slip of the keyboard.
        var result = Run(Person("school:1", first: "Jake"), Person("school:2", first: "Jack"));

        result.People.Count.ShouldBe(2);
    }

    [Test]
    public void Run_TypoInFirstNameWithSharedNhsNumber_Linked()
    {
        var result = Run(Person("lcs:1", nhs: "9434765919"), Person("health:9", first: "Olivre", nhs: "9434765919"));

        result.People.Count.ShouldBe(1);
    }

    [Test]
    public void Run_OneSourceHoldsOneNameTwiceAtOneHomeWithoutDateOfBirth_Reviewed()
    {
        // A tenancy's father and son of one name, neither with a date of birth.
        var result = Run(Person("housing:1", dob: null), Person("housing:2", dob: null));

        result.Pairs.Single().Decision.ShouldBe(MatchDecision.Review);
    }

    [Test]
    public void Run_TwoSourcesHoldOneNameAtOneHomeWithoutDateOfBirth_Linked()
    {
        var result = Run(Person("housing:1", dob: null), Person("police:2", dob: null));

        result.Pairs.Single().Decision.ShouldBe(MatchDecision.Linked);
    }

    [Test]
    public void Run_Twins_NotMerged()
    {
        var result = Run(Person("school:1", first: "Isla", gender: Core.Model.Gender.Female), Person("school:2", first: "Jack"));

        result.People.Count.ShouldBe(2);
        result.Pairs.ShouldAllBe(p => p.Decision != MatchDecision.Linked);
    }

    [Test]
    public void Run_TwinsWithSimilarNames_NotMerged()
    {
        // Same surname, address, date of birth; names one letter apart, different NHS numbers.
        var result = Run(Person("health:1", first: "Jake", nhs: "9434765919"), Person("health:2", first: "Jack", nhs: "9434765870"));

        result.People.Count.ShouldBe(2);
    }

    [Test]
    public void Run_SiblingsAtOneAddress_NotLinked()
    {
        var result = Run(Person("school:1", first: "Amara", dob: "2012-02-03"), Person("school:2", first: "Chidi", dob: "2016-09-30"));

        result.Pairs.ShouldBeEmpty();
    }

    [Test]
    public void Run_RecordsWithNothingToMatchOn_StaySingletonsAndAreCounted()
    {
        var result = Run(
            Person("police:1", first: null, family: null, dob: null),
            Person("police:2", first: null, family: null, dob: null));

        result.People.Count.ShouldBe(2);
        result.Unmatchable.ShouldBe(2);
    }

    [Test]
    public void Run_ChainThroughTwoNhsNumbers_IsSplitAndReviewed()
    {
        // A and C are different people (different valid NHS numbers); B has no NHS number and looks like both.
        var a = Person("lcs:A", nhs: "9434765919");
        var b = Person("ehm:B");
        var c = Person("health:C", nhs: "9434765870", first: "Oliver");

        var result = Run(a, b, c);

        result.People.ShouldNotContain(p => p.Any(r => r.Key.RecordId == "A") && p.Any(r => r.Key.RecordId == "C"));
        result.Pairs.ShouldContain(p => p.Decision == MatchDecision.Review);
    }

    [Test]
    public void Run_SharedNhsNumberDespiteNickname_Linked()
    {
        var result = Run(Person("lcs:1", first: "Frederick", nhs: "9434765919"), Person("ehm:7", first: "Fred", nhs: "9434765919", postcode: null));

        result.People.Count.ShouldBe(1);
    }

    [Test]
    public void Run_ParentAndChildWithOneNameAtOneAddress_NotLinked()
    {
        // Senior and junior: a person may look, but the engine must not merge them.
        var result = Run(Person("housing:1", first: "Oliver", dob: "1984-03-02"), Person("school:1", first: "Oliver", dob: "2014-05-17"));

        result.People.Count.ShouldBe(2);
    }

    [Test]
    public void Run_MotherAndSonAtOneAddress_NotEvenReviewed()
    {
        var result = Run(
            Person("housing:1", first: "Grace", dob: "1984-03-02", gender: Core.Model.Gender.Female),
            Person("school:1", first: "Oliver", dob: "2014-05-17"));

        result.Pairs.ShouldBeEmpty();
    }

    [Test]
    public void Explain_AnyPair_GivesTheWaterfall()
    {
        var pair = new MatchEngine(RepositoryConfig.Model).Explain(Person("a:1"), Person("b:2", first: "Amelia", dob: "1980-01-01"));

        pair.Decision.ShouldBe(MatchDecision.NotLinked);
        pair.Explanation.Comparisons.Count(c => !c.IsTermFrequencyAdjustment).ShouldBe(RepositoryConfig.Model.Comparisons.Length);
    }
}
