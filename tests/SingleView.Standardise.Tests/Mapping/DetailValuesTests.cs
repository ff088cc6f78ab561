using SingleView.Standardise.Mapping;

namespace SingleView.Standardise.Tests.Mapping;

public class DetailValuesTests
{
    private static readonly string[] Names = ["missing_episode", "plan_type", "referral_date"];

    [Test]
    public void Enumerate_SomeValuesAbsent_IsThePresentOnesInNameOrder()
    {
        var details = new DetailValues(Names, ["Yes", null, "16/10/2025"]);

        details.ToArray().ShouldBe([new("missing_episode", "Yes"), new("referral_date", "16/10/2025")]);
    }

    [Test]
    public void Count_SomeValuesAbsent_CountsThePresentOnes()
    {
        new DetailValues(Names, [null, "CP", null]).Count.ShouldBe(1);
    }

    [Test]
    public void TryGetValue_AbsentValue_IsFalse()
    {
        var details = new DetailValues(Names, [null, "CP", null]);

        details.TryGetValue("missing_episode", out _).ShouldBeFalse();
        details.ContainsKey("plan_type").ShouldBeTrue();
    }

    [Test]
    public void Indexer_PresentName_IsItsValue()
    {
        new DetailValues(Names, [null, "CP", null])["plan_type"].ShouldBe("CP");
    }

    [Test]
    public void Indexer_UnknownName_Throws()
    {
        Should.Throw<KeyNotFoundException>(() => new DetailValues(Names, [null, "CP", null])["Plan_Type"]);
    }

    [Test]
    public void KeysAndValues_SomeValuesAbsent_AreThePresentOnes()
    {
        var details = new DetailValues(Names, ["No", null, "01/01/2025"]);

        details.Keys.ShouldBe(["missing_episode", "referral_date"]);
        details.Values.ShouldBe(["No", "01/01/2025"]);
    }
}
