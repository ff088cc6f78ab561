using SingleView.Standardise.Mapping;
using SingleView.Standardise.Reading;

namespace SingleView.Standardise.Tests.Mapping;

/// <summary>
/// The mapper fills one <see cref="MappedRow"/> for every row: a record made from it must keep its own values
/// once the next row is mapped (the nightly refresh keeps the records).
/// </summary>
public class MappedRowTests
{
    private static readonly Ingest.Definitions.FeedDefinition Definition = Ingest.Definitions.FeedDefinitionLoader.Parse("lcs.yaml", """
        feed: lcs
        source_system: LCS
        service: childrens_social_care
        transport: { drop_folder: lcs, file_pattern: "lcs_*.csv" }
        record_id: Id
        columns:
          family_name: Surname
          detail.plan_type: Plan
        governance: { legal_basis: Children Act 1989, sharing_agreement: ISA-1, data_owner: DCS, retention_days: 365 }
        """);

    [Test]
    public void ToPersonRecord_NextRowMapped_KeepsItsOwnDetailsAndWarnings()
    {
        var mapper = new RecordMapper(Definition, new DateOnly(2026, 11, 20), "raw/lcs/x.csv");
        var first = mapper.Map(Row(2, "1", "Child Protection", "Davis")).Row!.ToPersonRecord();
        first.Warnings.ShouldBeEmpty();

        mapper.Map(Row(3, "2", "Child in Need", "Evans"));

        first.Key.RecordId.ShouldBe("1");
        first.FamilyName.ShouldBe("Davis");
        first.Involvement!.Details.ShouldBe(new Dictionary<string, string> { ["plan_type"] = "Child Protection" });
        first.RawFile.ShouldBe("raw/lcs/x.csv");
        first.RawLine.ShouldBe(2);
    }

    private static DeliveryRow Row(long line, string id, string plan, string surname) =>
        new(line, "raw", new Dictionary<string, string> { ["Id"] = id, ["Plan"] = plan, ["Surname"] = surname });
}
