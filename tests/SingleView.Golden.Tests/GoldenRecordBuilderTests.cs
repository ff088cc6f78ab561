using SingleView.Core.Model;
using static SingleView.Golden.Tests.People;

namespace SingleView.Golden.Tests;

public class GoldenRecordBuilderTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    [Test]
    public void Build_MembersInAnyOrder_SameGoldenId()
    {
        var a = Record("school", "1", "Ada", "2014-05-17");
        var b = Record("lcs", "9", "Ada", "2014-05-17");

        Builder.Build([a, b], Today).GoldenId.ShouldBe(Builder.Build([b, a], Today).GoldenId);
    }

    [Test]
    public void Build_EveryField_KeepsItsSourceRecordAndRule()
    {
        var golden = Builder.Build([Record("school", "1", "Ada", "2014-05-17")], Today);

        var lineage = golden.Fields[StandardFields.FirstName];
        lineage.Chosen.Source.ShouldBe(new SourceRecordKey("school", "1"));
        lineage.Chosen.SourceSystem.ShouldBe("SCHOOL");
        lineage.Chosen.ExtractDate.ShouldBe(new DateOnly(2026, 11, 20));
        lineage.Rule.ShouldNotBeNullOrWhiteSpace();
    }

    [Test]
    public void Build_Seventeen_IsAChild() => Builder.Build([Record("school", "1", "Ada", "2009-11-22")], Today).Kind.ShouldBe(PersonKind.Child);

    [Test]
    public void Build_Eighteen_IsAnAdult() => Builder.Build([Record("school", "1", "Ada", "2008-11-21")], Today).Kind.ShouldBe(PersonKind.Adult);

    [Test]
    public void Build_TwentyWithSpecialEducationalNeeds_IsAChild() =>
        Builder.Build([Record("school", "1", "Ada", "2006-01-01", sen: true)], Today).Kind.ShouldBe(PersonKind.Child);
}
