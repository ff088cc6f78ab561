using SingleView.Match.Model;

namespace SingleView.Match.Tests.Model;

public class NicknameTableTests
{
    [Test]
    public void AreAliases_NamesInOneGroup_AreAliases() =>
        NicknameTable.Parse("# comment\nFrederick,Fred,Freddie\n").AreAliases("FRED", "FREDERICK").ShouldBeTrue();

    [Test]
    public void AreAliases_NamesInDifferentGroups_AreNot() =>
        NicknameTable.Parse("Frederick,Fred\nAlfred,Alfie\n").AreAliases("FRED", "ALFIE").ShouldBeFalse();

    [Test]
    public void AreAliases_NameInTwoGroups_MatchesBoth()
    {
        var table = NicknameTable.Parse("Alfred,Alfie,Fred\nFrederick,Fred\n");

        table.AreAliases("FRED", "ALFRED").ShouldBeTrue();
        table.AreAliases("FRED", "FREDERICK").ShouldBeTrue();
        table.AreAliases("ALFRED", "FREDERICK").ShouldBeFalse();
    }
}
