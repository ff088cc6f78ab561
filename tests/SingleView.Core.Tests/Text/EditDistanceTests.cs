using SingleView.Core.Text;

namespace SingleView.Core.Tests.Text;

public class EditDistanceTests
{
    [TestCase("kitten", "sitting", 3)]
    [TestCase("John", "Jhon", 1)]
    [TestCase("Smith", "Smith", 0)]
    [TestCase("", "Ann", 3)]
    [TestCase("Ann", "", 3)]
    [TestCase("CA", "ABC", 3)]
    [TestCase("Frederick", "Fredrick", 1)]
    public void Between_Pair_IsTheOptimalStringAlignmentDistance(string a, string b, int expected)
    {
        EditDistance.Between(a, b).ShouldBe(expected);
    }

    [Test]
    public void Between_Order_DoesNotMatter()
    {
        EditDistance.Between("Catherine", "Kathryn").ShouldBe(EditDistance.Between("Kathryn", "Catherine"));
    }
}
