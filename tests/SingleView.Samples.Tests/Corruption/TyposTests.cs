using SingleView.Samples.Corruption;

namespace SingleView.Samples.Tests.Corruption;

public class TyposTests
{
    [Test]
    public void Apply_LongName_ChangesItButKeepsTheFirstLetter()
    {
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var typo = Typos.Apply("Jennifer", random);
            typo.ShouldNotBe("Jennifer");
            typo[0].ShouldBe('J');
            Math.Abs(typo.Length - "Jennifer".Length).ShouldBeLessThanOrEqualTo(1);
        }
    }

    [Test]
    public void Apply_TwoLetterName_LeavesItAlone() => Typos.Apply("Mo", new Random(1)).ShouldBe("Mo");
}
