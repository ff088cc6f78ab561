using SingleView.Ingest.Transport;

namespace SingleView.Ingest.Tests.Transport;

public class DeliveryDatesTests
{
    private static readonly DateTimeOffset LastWrite = new(2026, 11, 21, 23, 30, 0, TimeSpan.FromHours(-2));

    [TestCase("lcs_20261120.csv", 2026, 11, 20)]
    [TestCase("EHM_export_20261119_0200.csv", 2026, 11, 19)]
    [TestCase("police-20261118013000.csv", 2026, 11, 18)]
    [TestCase("v12345678_20261117.csv", 2026, 11, 17)]
    public void Of_NameWithDate_IsTheFirstValidDateInTheName(string fileName, int year, int month, int day)
    {
        DeliveryDates.Of(fileName, LastWrite).ShouldBe(new DateOnly(year, month, day));
    }

    [Test]
    public void Of_NameWithoutDate_IsTheLastWriteDayInUtc()
    {
        DeliveryDates.Of("pupils.csv", LastWrite).ShouldBe(new DateOnly(2026, 11, 22));
    }
}
