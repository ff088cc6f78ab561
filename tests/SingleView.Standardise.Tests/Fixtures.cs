using Microsoft.Extensions.Logging.Abstractions;
using SingleView.Ingest.Definitions;
using SingleView.Ingest.Zones;

namespace SingleView.Standardise.Tests;

/// <summary>A drop root and a lake in a temporary folder, with a children's social care feed written as CSV by each test.</summary>
internal sealed class Fixtures : IDisposable
{
    public const string Header = "PersonID,Forename,Surname,DOB,Sex,Postcode,NHS,Phone,Role,Status,StartDate,Plan";
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);

    public Fixtures()
    {
        Lake = new Lake(System.IO.Path.Combine(Path, "lake"));
        DropRoot = System.IO.Path.Combine(Path, "drop");
        Processor = new FeedProcessor(Lake, new FixedTimeProvider(Now), NullLogger<FeedProcessor>.Instance);
    }

    public string Path { get; } = Directory.CreateTempSubdirectory("singleview-standardise-").FullName;
    public Lake Lake { get; }
    public string DropRoot { get; }
    public FeedProcessor Processor { get; }

    /// <summary>The test feed; <paramref name="transport"/> replaces its transport block's settings (two-space indented lines).</summary>
    public static FeedDefinition Definition(string format = "", string feed = "lcs", string? transport = null, string expectations = "max_row_drop_percent: 50", int retentionDays = 365) =>
        FeedDefinitionLoader.Parse($"{feed}.yaml", $$"""
            feed: {{feed}}
            source_system: LCS
            service: childrens_social_care
            transport:
            {{transport ?? $"  drop_folder: {feed}\n  file_pattern: \"{feed}_*.csv\""}}
            format:
              date_formats: ["dd/MM/yyyy", "yyyy-MM-dd"]
            {{format}}
            record_id: PersonID
            required_columns: [PersonID, Surname]
            identifiers: [nhs_number]
            columns:
              first_name: Forename
              family_name: Surname
              date_of_birth: DOB
              gender: Sex
              postcode: Postcode
              nhs_number: NHS
              phone: Phone
              household_role: Role
              involvement.status: Status
              involvement.start_date: StartDate
              detail.plan_type: Plan
            values:
              household_role: { Mum: parent_or_carer }
              involvement.status: { O: current, C: historic }
            coverage: { area: Anytown, start: "2015-01-01" }
            governance:
              legal_basis: Children Act 1989 s17
              sharing_agreement: ISA-1
              data_owner: Head of Children's Services
              retention_days: {{retentionDays}}
            expectations: { {{expectations}} }
            """);

    public static FeedDefinition FullNameDefinition() =>
        FeedDefinitionLoader.Parse("asc.yaml", """
            feed: asc
            source_system: Mosaic
            service: adult_social_care
            transport: { drop_folder: asc, file_pattern: "asc_*.csv" }
            record_id: Id
            columns:
              full_name: Name
            governance: { legal_basis: Care Act 2014, sharing_agreement: ISA-2, data_owner: DASS, retention_days: 365 }
            """);

    /// <summary>A row in <see cref="Header"/> order; unspecified cells are plausible and valid.</summary>
    public static string Row(
        string id, string forename = "Ann", string surname = "Smith", string dob = "01/02/2015", string sex = "F",
        string postcode = "m1 1ae", string nhs = "943 476 5919", string phone = "0161 123 4567", string role = "Child",
        string status = "O", string start = "01/01/2026", string plan = "Child in need") =>
        string.Join(',', id, forename, surname, dob, sex, postcode, nhs, phone, role, status, start, plan);

    public static string Csv(params string[] rows) => string.Join("\r\n", [Header, .. rows]) + "\r\n";

    public static string[] Rows(int count, int firstId = 1) =>
        Enumerable.Range(firstId, count).Select(i => Row(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();

    public string Drop(string fileName, string content, string feed = "lcs")
    {
        var path = System.IO.Path.Combine(DropRoot, feed, fileName);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string DropBytes(string fileName, byte[] content, string feed = "lcs")
    {
        var path = System.IO.Path.Combine(DropRoot, feed, fileName);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public Task<StandardisedFeed> ProcessAsync(FeedDefinition? definition = null) =>
        Processor.ProcessAsync(definition ?? Definition(), DropRoot, CancellationToken.None);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
