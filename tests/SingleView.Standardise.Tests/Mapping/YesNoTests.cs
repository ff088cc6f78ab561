using SingleView.Standardise.Mapping;

namespace SingleView.Standardise.Tests.Mapping;

public class YesNoTests
{
    [TestCase("yes", true)]
    [TestCase(" Y ", true)]
    [TestCase("TRUE", true)]
    [TestCase("1", true)]
    [TestCase("no", false)]
    [TestCase("0", false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    public void IsYes_Value_ReadsTheFlag(string? value, bool expected)
    {
        YesNo.IsYes(value).ShouldBe(expected);
    }
}
