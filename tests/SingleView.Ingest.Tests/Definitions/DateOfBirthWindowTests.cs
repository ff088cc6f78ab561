using SingleView.Core.Configuration;
using SingleView.Ingest.Definitions;

namespace SingleView.Ingest.Tests.Definitions;

/// <summary>format.date_of_birth_window: which dates of birth a feed's people can have, validated on load.</summary>
public class DateOfBirthWindowTests
{
    [Test]
    public void Parse_NoWindow_IsTheDefaultOf120Years()
    {
        Parse(string.Empty).Format.DateOfBirthWindow.MaxAgeYears.ShouldBe(120);
    }

    [Test]
    public void Parse_HistoricalWindow_IsKept()
    {
        Parse("  date_of_birth_window: { max_age_years: 400 }").Format.DateOfBirthWindow.MaxAgeYears.ShouldBe(400);
    }

    [TestCase(0)]
    [TestCase(1001)]
    public void Parse_WindowOutOfRange_IsRefusedWithFieldAndLine(int years)
    {
        var problem = Should.Throw<ConfigurationException>(() => Parse($"  date_of_birth_window:\n    max_age_years: {years}"));

        problem.Field.ShouldBe("format.date_of_birth_window.max_age_years");
        problem.Problem.ShouldStartWith($"line 6: {years} is outside 1 to 1000 years");
    }

    [Test]
    public void Parse_UnknownWindowSetting_IsRefused()
    {
        Should.Throw<ConfigurationException>(() => Parse("  date_of_birth_window: { min_age_years: 5 }")).Field.ShouldBe("min_age_years");
    }

    private static FeedDefinition Parse(string window) => FeedDefinitionLoader.Parse("partner.yaml", $$"""
        feed: partner
        source_system: Partner
        format:
          date_formats: ["yyyyMMdd"]
        {{window}}
        service: police
        transport: { drop_folder: partner, file_pattern: "partner_*.csv" }
        record_id: Id
        columns: { family_name: Surname }
        governance: { legal_basis: Crime and Disorder Act 1998 s115, sharing_agreement: ISA-9, data_owner: Chief Constable, retention_days: 365 }
        """);
}
