using SingleView.Core.Text;

namespace SingleView.Core.Tests.Text;

public class JaroWinklerTests
{
    [TestCase("MARTHA", "MARHTA", 0.9611)]
    [TestCase("DWAYNE", "DUANE", 0.84)]
    [TestCase("DIXON", "DICKSONX", 0.8133)]
    [TestCase("JELLYFISH", "SMELLYFISH", 0.8963)]
    public void Similarity_KnownPairs_MatchThePublishedValues(string a, string b, double expected)
    {
        JaroWinkler.Similarity(a, b).ShouldBe(expected, 0.0005);
    }

    [Test]
    public void Similarity_SameText_IsOne()
    {
        JaroWinkler.Similarity("SMITH", "SMITH").ShouldBe(1);
    }

    [Test]
    public void Similarity_NothingInCommon_IsZero()
    {
        JaroWinkler.Similarity("ABC", "XYZ").ShouldBe(0);
    }

    [Test]
    public void Similarity_OneEmpty_IsZero()
    {
        JaroWinkler.Similarity("", "SMITH").ShouldBe(0);
    }

    [Test]
    public void Similarity_Order_DoesNotMatter()
    {
        JaroWinkler.Similarity("FREDERICK", "FREDDIE").ShouldBe(JaroWinkler.Similarity("FREDDIE", "FREDERICK"), 1e-12);
    }
}
