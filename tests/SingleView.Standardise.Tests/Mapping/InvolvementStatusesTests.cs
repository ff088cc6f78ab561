using SingleView.Core.Model;
using SingleView.Standardise.Mapping;

namespace SingleView.Standardise.Tests.Mapping;

public class InvolvementStatusesTests
{
    private static readonly DateOnly ExtractDate = new(2026, 11, 20);

    [TestCase("Open", InvolvementStatus.Current)]
    [TestCase("on roll", InvolvementStatus.Current)]
    [TestCase("ACTIVE", InvolvementStatus.Current)]
    [TestCase("yes", InvolvementStatus.Current)]
    [TestCase("Closed", InvolvementStatus.Historic)]
    [TestCase("left", InvolvementStatus.Historic)]
    [TestCase("historic", InvolvementStatus.Historic)]
    [TestCase("ended", InvolvementStatus.Historic)]
    public void Parse_Word_GivesTheStatus(string value, InvolvementStatus expected)
    {
        InvolvementStatuses.Parse(value, null, ExtractDate).ShouldBe(expected);
    }

    [Test]
    public void Parse_EmptyWithoutEndDate_IsCurrent()
    {
        InvolvementStatuses.Parse("", null, ExtractDate).ShouldBe(InvolvementStatus.Current);
    }

    [Test]
    public void Parse_EmptyWithEndDateInThePast_IsHistoric()
    {
        InvolvementStatuses.Parse(null, ExtractDate.AddDays(-1), ExtractDate).ShouldBe(InvolvementStatus.Historic);
    }

    [Test]
    public void Parse_UnknownWord_IsNull()
    {
        InvolvementStatuses.Parse("pending review", null, ExtractDate).ShouldBeNull();
    }
}
