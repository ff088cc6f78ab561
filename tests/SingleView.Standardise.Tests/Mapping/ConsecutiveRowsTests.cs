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

        records.Select(r => (r.Postcode, r.PostcodeInvalid, r.Warnings.Count)).ShouldBe([("ZZ9", true, 1), ("ZZ9", true, 1), ("M1 1AE", false, 0)]);
    }

    [Test]
    public async Task Process_SameValidPostcodeAfterAnInvalidOne_IsValid()
    {
        using var fixtures = new Fixtures();
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Row("1", postcode: "zz9"), Fixtures.Row("2", postcode: "m1 1ae"), Fixtures.Row("3", postcode: "m1 1ae")));

        var records = (await fixtures.ProcessAsync()).Records;

        records.Select(r => r.PostcodeInvalid).ShouldBe([true, false, false]);
    }
}
