using SingleView.Core.Model;
using static SingleView.Golden.Tests.People;

namespace SingleView.Golden.Tests;

/// <summary>BuildCompact holds less but must read exactly as Build: the publish writes what it reads.</summary>
public class CompactGoldenRecordTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    // Disagreeing members: priority, most recent and most frequent rules all have a choice to make,
    // and some fields are held by only some members.
    private static readonly PersonRecord[] Disagreeing =
    [
        Record("health", "h1", "Adaeze", "2014-05-17") with { NhsNumber = "9434765919", ExtractDate = new DateOnly(2026, 11, 18), Gender = Gender.Female },
        Record("school", "s1", "Ada", "2014-05-17", address: "3 Wharf Road") with { Upn = "A123456789012", Gender = Gender.Female },
        Record("lcs", "c7", "Ada", "2014-07-15") with { CasePersonId = "LCS-77", NhsNumber = "9434765919", FamilyName = "Okafor-Bell" },
        Record("police", "p2", "ADA", "2014-05-17", address: null) with { ExtractDate = new DateOnly(2026, 11, 19), Phone = "07700 900123" },
    ];

    [Test]
    public void BuildCompact_DisagreeingMembers_EveryFieldReadsAsBuildMadeIt()
    {
        var full = Builder.Build(Disagreeing, Today);
        var compact = Builder.BuildCompact(Disagreeing, Today);

        compact.Fields.Keys.ShouldBe(full.Fields.Keys);
        foreach (var (field, expected) in full.Fields)
        {
            var actual = compact.Fields[field];
            (actual.Field, actual.Chosen, actual.Rule).ShouldBe((expected.Field, expected.Chosen, expected.Rule), field);
            actual.OtherValues.ShouldBe(expected.OtherValues, field);
        }
    }

    [Test]
    public void BuildCompact_DisagreeingMembers_SameIdKindMembersAndRestriction()
    {
        var full = Builder.Build(Disagreeing, Today, "G-1");
        var compact = Builder.BuildCompact(Disagreeing, Today, "G-1");

        (compact.GoldenId, compact.Kind, compact.Restricted).ShouldBe((full.GoldenId, full.Kind, full.Restricted));
        compact.Members.ShouldBe(full.Members);
    }

    [Test]
    public void BuildCompact_FieldNoMemberHolds_IsAbsent()
    {
        var compact = Builder.BuildCompact([Record("school", "1", "Ada", "2014-05-17")], Today);

        compact.Fields.ContainsKey(StandardFields.NhsNumber).ShouldBeFalse();
        compact.Fields.TryGetValue(StandardFields.NhsNumber, out _).ShouldBeFalse();
        compact.ValueOf(StandardFields.NhsNumber).ShouldBeNull();
        compact.Fields.Count.ShouldBe(compact.Fields.Keys.Count());
    }

    [Test]
    public void BuildCompact_MostFrequentField_SaysHowManyAgreed()
    {
        var compact = Builder.BuildCompact(Disagreeing, Today);

        compact.Fields[StandardFields.DateOfBirth].Rule.ShouldBe("most frequent value (3 of 4 records)");
    }

    [Test]
    public void GoldenValuesOf_CompactRecord_EveryFieldAsBuildHasIt()
    {
        var full = Builder.Build(Disagreeing, Today);
        var compact = Builder.BuildCompact(Disagreeing, Today);

        StandardFields.Golden.Select(f => GoldenValues.ValueOf(compact, f)).ShouldBe(StandardFields.Golden.Select(full.ValueOf));
    }
}
