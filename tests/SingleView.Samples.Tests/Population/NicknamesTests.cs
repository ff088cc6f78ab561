using SingleView.Samples.Population;

namespace SingleView.Samples.Tests.Population;

public class NicknamesTests
{
    [TestCase("Freddie", "Frederick")]
    [TestCase("Alfie", "Alfred")]
    [TestCase("Liz", "Elizabeth")]
    [TestCase("Mo", "Mohammed")]
    public void IsNicknameOf_KnownPair_IsTrue(string nickname, string formal) => Nicknames.IsNicknameOf(nickname, formal).ShouldBeTrue();

    [Test]
    public void IsNicknameOf_UnrelatedNames_IsFalse() => Nicknames.IsNicknameOf("Jack", "Oliver").ShouldBeFalse();

    [Test]
    public void For_NameWithoutNickname_IsNull() => Nicknames.For("Ivy", new Random(1)).ShouldBeNull();
}
