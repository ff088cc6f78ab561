using SingleView.Match.Scoring;

namespace SingleView.Match.Tests.Scoring;

public class PhoneticCodeTests
{
    [TestCase("CATHERINE", "KATHRYN")]
    [TestCase("MOHAMMED", "MUHAMMAD")]
    [TestCase("STEPHEN", "STEVEN")]
    [TestCase("PHILIP", "FILIP")]
    public void Encode_NamesThatSoundAlike_SameCode(string a, string b) => PhoneticCode.Encode(a).ShouldBe(PhoneticCode.Encode(b));

    [TestCase("JACK", "JAMES")]
    [TestCase("AMARA", "CHIDI")]
    public void Encode_DifferentNames_DifferentCodes(string a, string b) => PhoneticCode.Encode(a).ShouldNotBe(PhoneticCode.Encode(b));

    [Test]
    public void Encode_Empty_Empty() => PhoneticCode.Encode(string.Empty).ShouldBeEmpty();
}

public class BoundedEditDistanceTests
{
    [TestCase("EMILY", "EMLIY", 1, true)]
    [TestCase("EMILY", "EMILLY", 1, true)]
    [TestCase("JACK", "JAKE", 1, false)]
    [TestCase("JACK", "JAKE", 2, true)]
    [TestCase("", "AB", 1, false)]
    public void Within_Pairs_AsExpected(string a, string b, int maximum, bool expected) => BoundedEditDistance.Within(a, b, maximum).ShouldBe(expected);
}
