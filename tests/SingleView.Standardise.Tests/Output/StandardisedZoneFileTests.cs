using System.IO.Compression;
using System.Text;
using System.Text.Json;
using SingleView.Core.Model;
using SingleView.Standardise.Mapping;
using SingleView.Standardise.Output;

namespace SingleView.Standardise.Tests.Output;

public class StandardisedZoneFileTests
{
    private static readonly StandardisedShared Shared = new("lcs", "Liquidlogic \"LCS\"", new DateOnly(2026, 11, 20), "raw/lcs/2026-11-20/lcs.csv");
    private string folder = null!;

    [SetUp]
    public void SetUp() => folder = Directory.CreateTempSubdirectory("singleview-zone-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task Read_CompactFile_ReturnsEveryFieldOfTheRecordsWritten()
    {
        var records = new[] { FullRecord(), MinimalRecord("LCS2") };
        var path = await WriteAsync(records);

        Json(StandardisedZoneFile.Read(path)).ShouldBe(Json(records));
    }

    [Test]
    public async Task ReadAsync_ManyRecordsAcrossBufferRefills_ReturnsThemAllInOrder()
    {
        var records = Enumerable.Range(1, 3000).Select(i => i % 2 == 0 ? FullRecord() with { Key = new SourceRecordKey("lcs", $"LCS{i}") } : MinimalRecord($"LCS{i}")).ToArray();
        var path = await WriteAsync(records);

        var read = new List<PersonRecord>();
        await foreach (var record in StandardisedZoneFile.ReadAsync(path, CancellationToken.None)) read.Add(record);

        Json(read).ShouldBe(Json(records));
    }

    [Test]
    public async Task Read_CompactFile_ReturnsTheCityAndNamedIdentifiers()
    {
        var record = MinimalRecord("LCS1") with
        {
            City = "Winston Hills",
            Identifiers = [new NamedIdentifier("police_person_id", "PN 0042"), new NamedIdentifier("ni_number", "QQ123456C")],
        };
        var path = await WriteAsync([record, MinimalRecord("LCS2")]);

        var read = StandardisedZoneFile.Read(path).ToList();

        read[0].City.ShouldBe("Winston Hills");
        read[0].Identifiers.ShouldBe([new NamedIdentifier("police_person_id", "PN 0042"), new NamedIdentifier("ni_number", "QQ123456C")]);
        (read[1].City, read[1].Identifiers.Count).ShouldBe((null, 0));
    }

    [Test]
    public async Task Read_VersionThreeFile_ReturnsItsRecordsWithoutCityOrIdentifiers()
    {
        var records = new[] { FullRecord(), MinimalRecord("LCS2") };
        var path = await WriteAsync(records, StandardisedFormat.VersionThree);

        Json(StandardisedZoneFile.Read(path)).ShouldBe(Json(records));
    }

    [Test]
    public async Task Read_VersionOneFile_ReturnsItsRecords()
    {
        // Version 1, kept in the lake until retention removes it: one serialised object per line, no header.
        var records = new[] { FullRecord(), MinimalRecord("LCS2") };
        var path = Path.Combine(folder, "old.jsonl.gz");
        await using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            foreach (var record in records) gzip.Write(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, LakeJson.Options) + "\n"));
        }

        Json(StandardisedZoneFile.Read(path)).ShouldBe(Json(records));
    }

    [Test]
    public async Task Read_VersionTwoFile_ReturnsEveryFieldOfTheRecordsWritten()
    {
        var records = new[] { FullRecord(), MinimalRecord("LCS2") };
        var path = await WriteAsync(records, StandardisedFormat.VersionTwo);

        Json(StandardisedZoneFile.Read(path)).ShouldBe(Json(records));
    }

    [TestCase(1, 1, 1, "0001-01-01")]
    [TestCase(987, 6, 5, "0987-06-05")]
    [TestCase(2015, 12, 31, "2015-12-31")]
    [TestCase(9999, 12, 31, "9999-12-31")]
    public async Task Write_DateOfBirthInVersionTwo_IsWrittenAsIsoWithAFourDigitYearAndReadBack(int year, int month, int day, string written)
    {
        var record = MinimalRecord("LCS1") with { DateOfBirth = new DateOnly(year, month, day) };
        var path = await WriteAsync([record], StandardisedFormat.VersionTwo);

        Lines(path)[1].ShouldContain($"\"{written}\"");
        StandardisedZoneFile.Read(path).Single().DateOfBirth.ShouldBe(new DateOnly(year, month, day));
    }

    [TestCase(1, 1, 1, "10101")]
    [TestCase(987, 6, 5, "9870605")]
    [TestCase(2015, 12, 31, "20151231")]
    [TestCase(9999, 12, 31, "99991231")]
    public async Task Write_DateOfBirth_IsWrittenAsTheNumberYearMonthDayAndReadBack(int year, int month, int day, string written)
    {
        var record = MinimalRecord("LCS1") with { DateOfBirth = new DateOnly(year, month, day) };
        var path = await WriteAsync([record]);

        Lines(path)[1].ShouldContain($",{written},");
        StandardisedZoneFile.Read(path).Single().DateOfBirth.ShouldBe(new DateOnly(year, month, day));
    }

    [Test]
    public async Task Write_ValueRepeatedInAnInternedField_IsWrittenOnceThenByNumber()
    {
        var first = FullRecord();
        var second = FullRecord() with { Key = new SourceRecordKey("lcs", "LCS2") };
        var path = await WriteAsync([first, second]);

        var lines = Lines(path);
        lines[1].ShouldContain("\"Social worker\"");
        lines[2].ShouldNotContain("Social worker");
        Json(StandardisedZoneFile.Read(path)).ShouldBe(Json(new[] { first, second }));
    }

    [Test]
    public async Task Read_MoreDistinctValuesThanTheInternLimit_ReturnsEachValue()
    {
        // Past the limit new values stay text and earlier ones keep their numbers, on both sides.
        var records = Enumerable.Range(0, StandardisedFormat.InternLimit + 500)
            .Select(i => MinimalRecord($"LCS{i}") with { FirstName = $"Name{i % (StandardisedFormat.InternLimit + 100)}", FamilyName = i % 3 == 0 ? "Smith" : $"F{i}" })
            .ToArray();
        var path = await WriteAsync(records);

        Json(StandardisedZoneFile.Read(path)).ShouldBe(Json(records));
    }

    [Test]
    public async Task Read_SameStringObjectsRepeatedPastTheInternLimit_ReturnsEachValue()
    {
        // The writer remembers its last few numbered string objects: numbered or not, each reads back as itself.
        var names = Enumerable.Range(0, StandardisedFormat.InternLimit + 50).Select(i => $"Name{i}").ToArray();
        var records = Enumerable.Range(0, 2 * names.Length)
            .Select(i => MinimalRecord($"LCS{i}") with { FirstName = names[i % names.Length], FamilyName = names[i / 2 % names.Length] })
            .ToArray();
        var path = await WriteAsync(records);

        Json(StandardisedZoneFile.Read(path)).ShouldBe(Json(records));
    }

    [Test]
    public async Task Read_MappersDetailValues_ReturnsThePresentDetails()
    {
        string[] names = ["missing_episode", "plan_type", "referral_date"];
        var records = Enumerable.Range(1, 3)
            .Select(i => FullRecord() with
            {
                Key = new SourceRecordKey("lcs", $"LCS{i}"),
                Involvement = FullRecord().Involvement! with { Details = new DetailValues(names, [i == 2 ? null : "Yes", "CP", i == 3 ? null : $"0{i}/01/2025"]) },
            })
            .ToArray();
        var path = await WriteAsync(records);

        Json(StandardisedZoneFile.Read(path)).ShouldBe(Json(records));
    }

    [Test]
    public async Task Read_CaseIdEqualToRecordIdAndGapsInRawLines_ReturnsThemAsWritten()
    {
        var records = new[]
        {
            MinimalRecord("LCS1") with { CasePersonId = "LCS1", RawLine = 7 },
            MinimalRecord("LCS2") with { CasePersonId = "LCS20", RawLine = 9 },
            MinimalRecord("LCS3") with { RawLine = 200 },
        };
        var path = await WriteAsync(records);

        Json(StandardisedZoneFile.Read(path)).ShouldBe(Json(records));
    }

    [Test]
    public async Task Read_EnumerationListedInAnotherOrder_ReadsValuesByTheHeadersNames()
    {
        // A later build may number an enumeration differently: the header's names decide.
        var path = await WriteAsync([MinimalRecord("LCS1") with { Gender = Gender.Male }]);
        var lines = Lines(path);
        var male = (int)Gender.Male;
        lines[0] = lines[0].Replace("\"gender\":[\"unknown\",\"female\",\"male\",\"other\"]", "\"gender\":[\"male\",\"unknown\",\"female\",\"other\"]", StringComparison.Ordinal);
        lines[1] = lines[1].Replace($",{male},", ",0,", StringComparison.Ordinal);
        WriteLines(path, lines);

        StandardisedZoneFile.Read(path).Single().Gender.ShouldBe(Gender.Male);
    }

    [Test]
    public async Task Read_NumberNotYetGivenToAValue_SaysTheFileCannotBeRead()
    {
        var path = await WriteAsync([MinimalRecord("LCS1") with { FirstName = "Ann" }]);
        var lines = Lines(path);
        lines[1] = lines[1].Replace("\"Ann\"", "1", StringComparison.Ordinal);
        WriteLines(path, lines);

        Should.Throw<InvalidDataException>(() => StandardisedZoneFile.Read(path).ToList()).Message.ShouldContain("first_name");
    }

    [Test]
    public async Task CountAsync_CompactFile_CountsRecordsNotTheHeader()
    {
        var path = await WriteAsync([MinimalRecord("LCS1"), MinimalRecord("LCS2"), MinimalRecord("LCS3")]);

        (await StandardisedZoneFile.CountAsync(path, CancellationToken.None)).ShouldBe(3);
    }

    [Test]
    public async Task Create_AnyFile_FirstLineNamesTheFormatVersionAndFields()
    {
        var path = await WriteAsync([MinimalRecord("LCS1")]);

        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var header = JsonDocument.Parse(reader.ReadLine()!).RootElement;
        header.GetProperty("format").GetString().ShouldBe(StandardisedFormat.FormatName);
        header.GetProperty("version").GetInt32().ShouldBe(4);
        header.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).ShouldBe(StandardisedFormat.RowFieldsVersionFour);
    }

    [Test]
    public async Task Write_RecordOfAnotherDelivery_Throws()
    {
        await using var file = StandardisedZoneFile.Create(Path.Combine(folder, "zone.jsonl.gz"), Shared);

        Should.Throw<InvalidOperationException>(() => file.Write(MinimalRecord("LCS1") with { RawFile = "raw/lcs/2026-11-19/lcs.csv" }));
    }

    [Test]
    public async Task Read_NewerVersion_SaysItCannotBeRead()
    {
        var path = Path.Combine(folder, "newer.jsonl.gz");
        await using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes($"{{\"format\":\"{StandardisedFormat.FormatName}\",\"version\":5,\"fields\":[]}}\n[]\n"));
        }

        Should.Throw<InvalidDataException>(() => StandardisedZoneFile.Read(path).ToList()).Message.ShouldContain("version 5");
    }

    private async Task<string> WriteAsync(IEnumerable<PersonRecord> records, int version = StandardisedFormat.Version)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.jsonl.gz");
        await using var file = StandardisedZoneFile.Create(path, Shared, version);
        foreach (var record in records) file.Write(record);
        await file.CommitAsync(CancellationToken.None);
        return path;
    }

    private static string Json(IEnumerable<PersonRecord> records) => JsonSerializer.Serialize(records.ToList(), LakeJson.Options);

    private static string[] Lines(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static void WriteLines(string path, string[] lines)
    {
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
    }

    private static PersonRecord MinimalRecord(string id) =>
        new() { Key = new SourceRecordKey(Shared.Feed, id), SourceSystem = Shared.SourceSystem, ExtractDate = Shared.ExtractDate, RawFile = Shared.RawFile };

    private static PersonRecord FullRecord() => new()
    {
        Key = new SourceRecordKey(Shared.Feed, "LCS1"),
        SourceSystem = Shared.SourceSystem,
        ExtractDate = Shared.ExtractDate,
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
        RawFile = Shared.RawFile,
        RawLine = 12_345_678_901,
        Warnings = ["postcode: 'QQ1' \u2018bad\u2019", "second"],
    };
}
