using SingleView.Core.Model;
using SingleView.Standardise.Mapping;

namespace SingleView.Standardise.Tests.Mapping;

public class HouseholdRolesTests
{
    [TestCase("parent_or_carer", HouseholdRole.ParentOrCarer)]
    [TestCase("Mother", HouseholdRole.ParentOrCarer)]
    [TestCase("step-father", HouseholdRole.ParentOrCarer)]
    [TestCase("Stepmother", HouseholdRole.ParentOrCarer)]
    [TestCase("Foster carer", HouseholdRole.ParentOrCarer)]
    [TestCase("Legal guardian", HouseholdRole.ParentOrCarer)]
    [TestCase("Son", HouseholdRole.Child)]
    [TestCase("stepdaughter", HouseholdRole.Child)]
    [TestCase("Foster child", HouseholdRole.Child)]
    [TestCase("Wife", HouseholdRole.Partner)]
    [TestCase("other_member", HouseholdRole.OtherMember)]
    [TestCase("Lodger", HouseholdRole.OtherMember)]
    [TestCase("Lead person", HouseholdRole.OtherMember)]
    [TestCase("Grandmother", HouseholdRole.OtherMember)]
    [TestCase("", HouseholdRole.Unknown)]
    [TestCase(null, HouseholdRole.Unknown)]
    public void Parse_Word_GivesTheRole(string? value, HouseholdRole expected)
    {
        HouseholdRoles.Parse(value).ShouldBe(expected);
    }
}
