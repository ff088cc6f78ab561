using SingleView.Core.Model;
using SingleView.Serve.Quality;

namespace SingleView.Serve.Tests.Quality;

/// <summary>A date of birth left empty by the standardiser (unreadable, in the future, outside the window) in the quality report.</summary>
public class DateOfBirthQualityTests
{
    [Test]
    public void Fields_DateOfBirthLeftEmptyWithAWarning_IsPresentButNotValid()
    {
        PersonRecord[] records =
        [
            Record("1", new DateOnly(2014, 1, 2)),
            Record("2", null, "date_of_birth: '19450493' is not a date in the declared format(s) yyyyMMdd (left empty)"),
            Record("3", null),
        ];

        var dateOfBirth = QualityReports.Fields(records).Single(f => f.Field == "date_of_birth");

        (dateOfBirth.Present, dateOfBirth.Valid, dateOfBirth.ChecksValidity).ShouldBe((2, 1, true));
    }

    private static PersonRecord Record(string id, DateOnly? dateOfBirth, params string[] warnings) => new()
    {
        Key = new SourceRecordKey("febrl", id),
        SourceSystem = "FEBRL",
        ExtractDate = new DateOnly(2026, 11, 20),
        FamilyName = "Neumann",
        DateOfBirth = dateOfBirth,
        Warnings = warnings,
    };
}
