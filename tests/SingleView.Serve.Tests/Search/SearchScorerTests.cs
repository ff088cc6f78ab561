using SingleView.Core.Standardisation;
using SingleView.Serve.Data;
using SingleView.Serve.Search;

namespace SingleView.Serve.Tests.Search;

public sealed class SearchScorerTests
{
    private static PersonRow Jayden => JaydenWith();

    private static PersonRow JaydenWith(string dateOfBirth = "2014-03-27", long restricted = 0) => new()
    {
        GoldenId = "G1",
        FirstName = "Jayden",
        FamilyName = "Smith",
        FirstNameKey = NameStandardiser.MatchKey("Jayden"),
        FamilyNameKey = NameStandardiser.MatchKey("Smith"),
        DateOfBirth = dateOfBirth,
        Postcode = "SK1 3XE",
        Restricted = restricted,
    };

    private static SearchQuery Query(string? name, string? dob = null, string? postcode = null) =>
        SearchQuery.From(name, dob, postcode, null).Query!;

    [Test]
    public void Score_ExactNameAndDate_IsFullScore()
    {
        var (score, reasons) = SearchScorer.Score(Query("Jayden Smith", "27/03/2014"), Jayden);

        score.ShouldBe(1);
        reasons.ShouldBe(["family name exact", "first name exact", "date of birth exact"]);
    }

    [Test]
    public void Score_FamilyNameSpeltDifferently_SaysItSoundsLike()
    {
        var (score, reasons) = SearchScorer.Score(Query("Jayden Smyth"), Jayden);

        reasons.ShouldContain("family name sounds like Smith");
        score.ShouldBeInRange(0.8, 0.99);
    }

    [Test]
    public void Score_DifferentDayInSameMonth_SaysSameMonth()
    {
        var (_, reasons) = SearchScorer.Score(Query("Jayden Smith", "2014-03-27"), JaydenWith(dateOfBirth: "2014-03-12"));

        reasons.ShouldContain("date of birth in the same month");
    }

    [Test]
    public void Score_DateEnteredWithDayAndMonthSwapped_SaysSo()
    {
        var person = new PersonRow { FirstNameKey = "AMELIA", FamilyNameKey = "JONES", DateOfBirth = "2013-05-02" };

        var (_, reasons) = SearchScorer.Score(Query("Amelia Jones", "05/02/2013"), person);

        reasons.ShouldContain("date of birth with day and month swapped");
    }

    [Test]
    public void Score_OneWord_MatchesFirstNameToo()
    {
        var (score, reasons) = SearchScorer.Score(Query("Jayden"), Jayden);

        score.ShouldBe(1);
        reasons.ShouldBe(["first name exact"]);
    }

    [Test]
    public void Score_UnrelatedName_IsZero()
    {
        SearchScorer.Score(Query("Olga Petrova"), Jayden).Score.ShouldBe(0);
    }

    [Test]
    public void Score_PartOfDoubleBarrelledName_SaysSo()
    {
        var person = new PersonRow { FirstNameKey = "JAYDEN", FamilyNameKey = "SMITH JONES" };

        SearchScorer.Score(Query("Jayden Jones"), person).Reasons.ShouldContain("family name is part of Smith Jones");
    }

    [Test]
    public void Score_PostcodeOfRestrictedPerson_IsNotAReason()
    {
        var (score, reasons) = SearchScorer.Score(Query(null, postcode: "sk1 3xe"), JaydenWith(restricted: 1));

        score.ShouldBe(0);
        reasons.ShouldBeEmpty();
    }

    [Test]
    public void Score_PostcodeOfUnrestrictedPerson_IsAReason()
    {
        SearchScorer.Score(Query(null, postcode: "sk1 3xe"), Jayden).Reasons.ShouldBe(["postcode exact"]);
    }

    [TestCase("Jayden Smith", "27/03/2014", "SK1 3XE")]
    [TestCase("Jaden Smyth", "03/12/2014", "SK1 9ZZ")]
    [TestCase("Smith", null, null)]
    [TestCase("Jayden", "2014-03-01", null)]
    public void Score_QueryWorkedOutOnceForASearch_ScoresAsTheQueryItself(string name, string? dob, string? postcode)
    {
        var query = Query(name, dob, postcode);
        var candidates = new[] { Jayden, JaydenWith(dateOfBirth: "2014-03-12"), JaydenWith(restricted: 1) };

        foreach (var person in candidates)
        {
            var once = SearchScorer.Score(ScoringQuery.Of(query), person);
            var each = SearchScorer.Score(query, person);
            once.Score.ShouldBe(each.Score);
            once.Reasons.ShouldBe(each.Reasons);
        }
    }
}
