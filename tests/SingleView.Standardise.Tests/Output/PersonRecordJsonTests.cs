using System.Text.Json;
using SingleView.Core.Model;
using SingleView.Standardise.Output;

namespace SingleView.Standardise.Tests.Output;

public class PersonRecordJsonTests
{
    private static readonly SourceRecordKey Key = new("lcs", "LCS1");

    [Test]
    public void Write_FullRecord_IsByteForByteWhatTheSerializerWrites()
    {
        var record = new PersonRecord
        {
            Key = Key,
            SourceSystem = "Liquidlogic \"LCS\"",
            ExtractDate = new DateOnly(2026, 11, 20),
            FirstName = "Zoë <b>",
            MiddleNames = "Anne-Marie",
            FamilyName = "O'Brien",
            DateOfBirth = new DateOnly(999, 1, 2),
            Gender = Gender.Female,
            Address = "1 High St\nFlat 2 & 3",
            Postcode = "M1 1AE",
            PostcodeInvalid = true,
            NhsNumber = "9434765919",
            Upn = "A123456789012",
            CasePersonId = "C1",
            Phone = "01632960204",
            Email = "a+b@example.com",
            SpecialEducationalNeeds = true,
            HouseholdKey = "FAM1",
            HouseholdRole = HouseholdRole.ParentOrCarer,
            Restricted = true,
            Involvement = new ServiceInvolvement
            {
                Service = Service.ChildrensSocialCare,
                Status = InvolvementStatus.NoneFound,
                StartDate = new DateOnly(2025, 10, 30),
                EndDate = new DateOnly(2026, 1, 1),
                Nature = "Child Protection Plan",
                Organisation = "Team",
                ContactName = "M B",
                ContactRole = "Social worker",
                ContactPhone = "01632960204",
                ContactEmail = "m.b@example.com",
                Details = new Dictionary<string, string> { ["plan_type"] = "CP", ["referral_date"] = "17/10/2025" },
            },
            RawFile = "raw/lcs/2026-11-20/lcs.csv",
            RawLine = 12_345_678_901,
            Warnings = ["postcode: 'QQ1' \u2018bad\u2019", "second"],
        };

        Written(record).ShouldBe(Serialized(record));
    }

    [Test]
    public void Write_MinimalRecord_LeavesOutNullsAsTheSerializerDoes()
    {
        var record = new PersonRecord { Key = Key, SourceSystem = "LCS", ExtractDate = new DateOnly(2026, 11, 20) };

        Written(record).ShouldBe(Serialized(record));
    }

    [Test]
    public void Write_Record_IsReadBackByTheSerializer()
    {
        var record = new PersonRecord { Key = Key, SourceSystem = "LCS", ExtractDate = new DateOnly(2026, 11, 20), Gender = Gender.Other, HouseholdRole = HouseholdRole.OtherMember };

        var read = JsonSerializer.Deserialize<PersonRecord>(Written(record), LakeJson.Options)!;

        read.Key.ShouldBe(Key);
        read.Gender.ShouldBe(Gender.Other);
        read.HouseholdRole.ShouldBe(HouseholdRole.OtherMember);
    }

    private static string Written(PersonRecord record)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true })) PersonRecordJson.Write(json, record);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Serialized(PersonRecord record)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true })) JsonSerializer.Serialize(json, record, LakeJson.Options);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
