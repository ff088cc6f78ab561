using SingleView.Samples.Corruption;
using SingleView.Samples.Population;

namespace SingleView.Samples.Tests.Corruption;

public class CorrupterTests
{
    private static readonly DateOnly ExtractDate = new(2026, 11, 20);

    [Test]
    public void Render_TwinWhoseNicknameIsTheCoTwinsName_KeepsTheirOwnName()
    {
        var (sophia, family) = TwinsSophiaAndSophie();
        var corrupter = new Corrupter(new Random(1), new CorruptionRates { Nickname = 1, Typo = 0, Unusable = 0 }, new CorruptionTally(), ExtractDate);

        var names = Enumerable.Range(0, 200).Select(_ => corrupter.Render(sophia, family).FirstName).Distinct().ToList();

        names.ShouldBe(["Sophia"]);
    }

    [Test]
    public void Render_TwinWhoseNicknameIsTheCoTwinsName_DrawsAsManyRandomNumbersAsANicknameWould()
    {
        // Keeping the draws lets every other row of a generated authority stay byte for byte as it was.
        var (sophia, family) = TwinsSophiaAndSophie();
        var notTwin = new Person
        {
            PersonId = "P3", FamilyId = "F1", Role = FamilyRole.Child, Sex = Sex.Female, FirstName = "Sophia", FamilyName = "Okafor",
            DateOfBirth = sophia.DateOfBirth, NhsNumber = sophia.NhsNumber,
        };
        var twinRandom = new Random(5);
        var otherRandom = new Random(5);
        var rates = new CorruptionRates { Nickname = 1 };

        new Corrupter(twinRandom, rates, new CorruptionTally(), ExtractDate).Render(sophia, family);
        new Corrupter(otherRandom, rates, new CorruptionTally(), ExtractDate).Render(notTwin, family);

        twinRandom.Next().ShouldBe(otherRandom.Next());
    }

    private static (Person Sophia, Family Family) TwinsSophiaAndSophie()
    {
        var dateOfBirth = new DateOnly(2016, 3, 14);
        Person Child(string id, string name) => new()
        {
            PersonId = id, FamilyId = "F1", Role = FamilyRole.Child, Sex = Sex.Female, FirstName = name, FamilyName = "Okafor",
            DateOfBirth = dateOfBirth, NhsNumber = "9434765919", IsTwin = true,
        };
        var sophia = Child("P1", "Sophia");
        var school = new School("100000", "1234", "Test Primary", "0161 000 0000", IsSecondary: false);
        var family = new Family
        {
            FamilyId = "F1",
            Index = 0,
            Culture = NameTables.British,
            Adults = [],
            Children = [sophia, Child("P2", "Sophie")],
            Address = new Address("1 High Street", "Stockport", "SK1 1AA", new Locality("Stockport", ["SK1"], "Stockport", "Central")),
            PrimarySchool = school,
            SecondarySchool = school with { IsSecondary = true },
            GpPractice = "P88001",
        };
        return (sophia, family);
    }
}
