using SingleView.Standardise.Mapping;
using SingleView.Standardise.Reading;

namespace SingleView.Standardise.Tests.Mapping;

/// <summary>
/// A cell that repeats the row before's is the same string, and the mapper reuses its standardised form:
/// every row still gets its own value and warnings.
/// </summary>
public class ConsecutiveRowsTests
{
    [Test]
    public async Task Process_SameInvalidPostcodeOnConsecutiveRows_WarnsOnEachRow()
    {
        using var fixtures = new Fixtures();
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Row("1", postcode: "zz9"), Fixtures.Row("2", postcode: "zz9"), Fixtures.Row("3", postcode: "m1 1ae")));

        var records = (await fixtures.ProcessAsync()).Records;

        records.Select(r => (r.Postcode, r.PostcodeInvalid, r.Warnings.Count)).ShouldBe([("zz9", true, 1), ("zz9", true, 1), ("M1 1AE", false, 0)]);
    }

    [Test]
    public async Task Process_SameValidPostcodeAfterAnInvalidOne_IsValid()
    {
        using var fixtures = new Fixtures();
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Row("1", postcode: "zz9"), Fixtures.Row("2", postcode: "m1 1ae"), Fixtures.Row("3", postcode: "m1 1ae")));

        var records = (await fixtures.ProcessAsync()).Records;

        records.Select(r => r.PostcodeInvalid).ShouldBe([true, false, false]);
    }

    [Test]
    public void Map_SameContactPhoneOnConsecutiveRows_GivesEachRowItsValueOrWarning()
    {
        var definition = Ingest.Definitions.FeedDefinitionLoader.Parse("lcs.yaml", """
            feed: lcs
            source_system: LCS
            service: childrens_social_care
            transport: { drop_folder: lcs, file_pattern: "lcs_*.csv" }
            record_id: Id
            columns:
              family_name: Surname
              involvement.contact_phone: Worker Phone
            governance: { legal_basis: Children Act 1989, sharing_agreement: ISA-1, data_owner: DCS, retention_days: 365 }
            """);
        var mapper = new RecordMapper(definition, new DateOnly(2026, 11, 20), "raw/lcs/x.csv");
        string[] phones = ["01632 960204", "01632 960204", "12345", "12345", "", "", "01632 960204"];

        var mapped = phones.Select((phone, i) => mapper.Map(new DeliveryRow(i + 2, "raw", new Dictionary<string, string> { ["Id"] = $"{i}", ["Surname"] = "Davis", ["Worker Phone"] = phone })).Record!).ToArray();

        mapped.Select(r => r.Involvement!.ContactPhone).ShouldBe(["01632960204", "01632960204", null, null, null, null, "01632960204"]);
        mapped.Select(r => r.Warnings.Count).ShouldBe([0, 0, 1, 1, 0, 0, 0]);
    }
}
