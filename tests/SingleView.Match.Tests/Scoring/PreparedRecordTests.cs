using SingleView.Match.Scoring;

namespace SingleView.Match.Tests.Scoring;

/// <summary>Display names arrive as the source gave them: the match keys fold, case and strip them.</summary>
public class PreparedRecordTests
{
    [TestCase("Siân", "Jones", "SIAN", "Jones")]
    [TestCase("Łukasz", "Wiśniewski", "Lukasz", "WISNIEWSKI")]
    [TestCase("Aoife", "Ó Súilleabháin", "aoife", "O Suilleabhain")]
    [TestCase("Ewan", "MacDonald", "EWAN", "Macdonald")]
    [TestCase("Maria", "De la Cruz", "Maria", "De La Cruz")]
    [TestCase("Amelia \"Millie\"", "O’Brien", "Amelia Millie", "OBRIEN")]
    [TestCase("Mr John", "Smith", "John", "SMITH")]
    public void Keys_NameAsGivenAndItsFoldedForm_AreTheSame(string first, string family, string foldedFirst, string foldedFamily)
    {
        var given = new PreparedRecord(0, Records.Person("a:1", first: first, family: family));
        var folded = new PreparedRecord(1, Records.Person("b:1", first: foldedFirst, family: foldedFamily));

        (given.FirstNameKey, given.FamilyNameKey, given.FamilyNameSoundex).ShouldBe((folded.FirstNameKey, folded.FamilyNameKey, folded.FamilyNameSoundex));
    }

    [Test]
    public void Keys_NameWithoutLetters_IsNoName()
    {
        var record = new PreparedRecord(0, Records.Person("a:1", first: "-2+3", family: "<>"));

        record.HasName.ShouldBeFalse();
    }
}
