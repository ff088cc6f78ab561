using SingleView.Core.Model;
using SingleView.Golden.Families;
using static SingleView.Golden.Tests.People;

namespace SingleView.Golden.Tests.Families;

public class FamilyBuilderTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static (FamilyResult Result, GoldenRecord[] People) Build(params PersonRecord[] records)
    {
        var people = records.Select(r => Builder.Build([r], Today)).ToArray();
        return (FamilyBuilder.Build(people, records), people);
    }

    [Test]
    public void Build_HouseholdWithRoles_ParentAndSiblingRelationshipsWithTheirSource()
    {
        var (result, people) = Build(
            Record("housing", "1", "Grace", "1984-03-02", "T100", HouseholdRole.ParentOrCarer, address: null),
            Record("housing", "2", "Ada", "2014-05-17", "T100", HouseholdRole.Child, address: null),
            Record("housing", "3", "Ben", "2016-01-09", "T100", HouseholdRole.Child, address: null));

        result.Relationships.ShouldContain(r => r.FromGoldenId == people[0].GoldenId && r.ToGoldenId == people[1].GoldenId && r.Type == RelationshipType.ParentOrCarer && r.SourceFeed == "housing");
        result.Relationships.ShouldContain(r => r.FromGoldenId == people[1].GoldenId && r.ToGoldenId == people[0].GoldenId && r.Type == RelationshipType.Child);
        result.Relationships.ShouldContain(r => r.FromGoldenId == people[2].GoldenId && r.ToGoldenId == people[1].GoldenId && r.Type == RelationshipType.Sibling);
        result.Families.Single().Members.Count.ShouldBe(3);
    }

    [Test]
    public void Build_SharedAddressOnly_HouseholdMembers()
    {
        var (result, _) = Build(Record("school", "1", "Ada", "2014-05-17"), Record("police", "5", "Grace", "1984-03-02"));

        result.Relationships.ShouldAllBe(r => r.Type == RelationshipType.HouseholdMember && r.Evidence == "shared address");
        result.Families.Count.ShouldBe(1);
    }

    [Test]
    public void Build_DifferentAddresses_NoFamily()
    {
        var (result, _) = Build(Record("school", "1", "Ada", "2014-05-17"), Record("police", "5", "Grace", "1984-03-02", address: "3 Far Road"));

        result.Families.ShouldBeEmpty();
    }
}
