using SingleView.Core.Model;

namespace SingleView.Standardise.Tests.Reading;

/// <summary>How a delivery's header is matched to the columns its definition names.</summary>
public class HeaderMatchingTests
{
    [Test]
    public async Task ProcessAsync_HeaderWithSpacesAroundNames_IsMatchedTrimmed()
    {
        // As FEBRL and many exports write it: "rec_id, given_name, surname".
        using var fixtures = new Fixtures();
        var header = " " + Fixtures.Header.Replace(",", " , ", StringComparison.Ordinal) + " ";
        fixtures.Drop("lcs_20261120.csv", string.Join("\r\n", header, Fixtures.Row("1", forename: "Ann", surname: "Smith")) + "\r\n");

        var feed = await fixtures.ProcessAsync();

        feed.Coverage.State.ShouldBe(FeedState.Current);
        var record = feed.Records.ShouldHaveSingleItem();
        (record.Key.RecordId, record.FirstName, record.FamilyName).ShouldBe(("1", "Ann", "Smith"));
    }
}
