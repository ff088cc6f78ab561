using SingleView.Serve.Data;
using SingleView.Serve.Search;

namespace SingleView.Serve.Tests.Search;

public sealed class NicknameSearchTests
{
    private static readonly NicknameIndex Nicknames = NicknameIndex.Parse("# comment\nWilliam,Will,Bill,Billy\nJacob,Jake,Jay\n");

    [Test]
    public void AliasesOf_Nickname_GivesTheOtherNamesOfItsGroup()
    {
        Nicknames.AliasesOf("BILL").ShouldBe(["WILLIAM", "WILL", "BILLY"], ignoreOrder: true);
    }

    [Test]
    public void Score_NicknameOfFirstName_MatchesAndSaysSo()
    {
        var query = SearchQuery.From("Bill Jones", null, null, null).Query!;
        var person = new PersonRow { GoldenId = "G-1", FirstNameKey = "WILLIAM", FamilyNameKey = "JONES" };

        var (score, reasons) = SearchScorer.Score(query, person, Nicknames);

        score.ShouldBeGreaterThan(0.9);
        reasons.ShouldContain("first name William is another form of Bill");
    }

    [Test]
    public void Score_WithoutNicknameTable_DoesNotTreatBillAsWilliam()
    {
        var query = SearchQuery.From("Bill Jones", null, null, null).Query!;
        var person = new PersonRow { GoldenId = "G-1", FirstNameKey = "WILLIAM", FamilyNameKey = "JONES" };

        SearchScorer.Score(query, person).Reasons.ShouldNotContain("first name William is another form of Bill");
    }

    [Test]
    public void Load_RepositoryFile_KnowsBillIsWilliam()
    {
        var index = NicknameIndex.Load(SingleView.Tests.Shared.RepositoryRoot.Config);

        index.AreAliases("BILL", "WILLIAM").ShouldBeTrue();
    }
}
