using Dapper;
using SingleView.Tests.Shared;

namespace SingleView.Refresh.Tests;

/// <summary>
/// One delivery written the way a partner outside the project writes it (FEBRL's layout: spaces after the
/// commas, street number, street and locality in three columns, a town, a social security number, a date
/// of birth that cannot be a date), from the CSV to the published records.
/// </summary>
public sealed class MappedDeliveryRefreshTests : IDisposable
{
    private const string Definition = """
        feed: febrl
        source_system: FEBRL
        service: health
        transport: { drop_folder: febrl, file_pattern: "febrl_*.csv" }
        format: { date_formats: ["yyyyMMdd"] }
        record_id: rec_id
        identifiers: [identifier.soc_sec_id]
        columns:
          first_name: given_name
          family_name: surname
          address: [street_number, address_1, address_2]
          city: suburb
          postcode: postcode
          date_of_birth: date_of_birth
          identifier.soc_sec_id: soc_sec_id
        governance: { legal_basis: public benchmark, sharing_agreement: none, data_owner: ANU, retention_days: 30 }
        """;

    private const string Delivery = """
        rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id
        rec-1070-org, michaela, neumann, 8, stanley street, miami, winston hills, 4223, nsw, 19151111, 5304218
        rec-1070-dup-0, michaela, neumann, 8, stanley street, miami, winston hills, 4223, nsw, 19450493, 5304218
        rec-1016-org, courtney, painter, 12, pinkerton circuit, , richlands, 4560, vic, 19161214, 4066625

        """;

    private readonly string folder = Directory.CreateTempSubdirectory("singleview-mapped-").FullName;

    [Test]
    public async Task RunAsync_PartnerLayout_PublishesJoinedAddressCityIdentifierAndKeepsTheBadDateOfBirthRow()
    {
        var options = Options();

        var report = await Authority.Refresh().RunAsync(options);

        report.Feeds.ShouldHaveSingleItem().Quarantined.ShouldBe(0);
        await using var connection = await options.ResolvedDatabase.OpenAsync();
        var records = (await connection.QueryAsync<(string RecordId, string GoldenId, string? Address, string? City, string? DateOfBirth, string Identifiers, string Warnings)>(
            "SELECT record_id, golden_id, address, city, date_of_birth, identifiers, warnings FROM source_record ORDER BY record_id")).ToDictionary(r => r.RecordId);
        records.Keys.ShouldBe(["rec-1016-org", "rec-1070-dup-0", "rec-1070-org"]);
        var original = records["rec-1070-org"];
        (original.Address, original.City, original.DateOfBirth).ShouldBe(("8 stanley street miami", "winston hills", "1915-11-11"));
        original.Identifiers.ShouldBe("""[{"name":"soc_sec_id","value":"5304218"}]""");
        Strings(original.Warnings).ShouldNotContain(w => w.StartsWith("date_of_birth", StringComparison.Ordinal));
        records["rec-1016-org"].Address.ShouldBe("12 pinkerton circuit");
        var badDate = records["rec-1070-dup-0"];
        badDate.DateOfBirth.ShouldBeNull();
        Strings(badDate.Warnings).ShouldContain("date_of_birth: '19450493' is not a date in the declared format(s) yyyyMMdd (left empty)");
        badDate.GoldenId.ShouldBe(original.GoldenId, "the record kept without its date of birth is matched on the rest");
        var person = await connection.QuerySingleAsync<(string? Address, string? DateOfBirth)>(
            "SELECT address, date_of_birth FROM person WHERE golden_id = @GoldenId", new { original.GoldenId });
        person.ShouldBe(("8 stanley street miami", "1915-11-11"));
    }

    [Test]
    public async Task LoadAsync_PublishedRecord_HasItsCityAndNamedIdentifiersForExplaining()
    {
        var options = Options();
        await Authority.Refresh().RunAsync(options);
        var key = new Core.Model.SourceRecordKey("febrl", "rec-1070-org");

        var record = (await PublishedRecords.LoadAsync(options.ResolvedDatabase, [key], CancellationToken.None))[key];

        record.City.ShouldBe("winston hills");
        record.Identifiers.ShouldBe([new Core.Model.NamedIdentifier("soc_sec_id", "5304218")]);
    }

    private static string[] Strings(string json) => System.Text.Json.JsonSerializer.Deserialize<string[]>(json)!;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private RefreshOptions Options()
    {
        var pipelines = Directory.CreateDirectory(Path.Combine(folder, "pipelines")).FullName;
        File.WriteAllText(Path.Combine(pipelines, "febrl.yaml"), Definition);
        var drop = Directory.CreateDirectory(Path.Combine(folder, "drops", "febrl")).FullName;
        File.WriteAllText(Path.Combine(drop, $"febrl_{Authority.ExtractDate:yyyyMMdd}.csv"), Delivery.ReplaceLineEndings("\r\n"));
        return new RefreshOptions
        {
            DataDirectory = Path.Combine(folder, "data"),
            ConfigDirectory = RepositoryRoot.Config,
            PipelinesDirectory = pipelines,
            DropRoot = Path.Combine(folder, "drops"),
        };
    }
}
