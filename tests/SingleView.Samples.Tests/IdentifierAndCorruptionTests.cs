using SingleView.Core.Standardisation;
using SingleView.Samples.Population;

namespace SingleView.Samples.Tests;

public class IdentifierAndCorruptionTests
{
    [Test]
    public void Generate_NhsNumbers_AreValidExceptTheCountedCorruptions()
    {
        var written = GeneratedSample.Definitions
            .Where(d => d.ColumnFor("nhs_number") is not null)
            .SelectMany(d => GeneratedSample.Extract(d.Feed).Column(d.ColumnFor("nhs_number")!))
            .Where(cell => cell.Length > 0)
            .ToList();

        var invalid = written.Count(cell => !NhsNumber.IsValid(NhsNumber.Normalise(cell)));

        written.Count.ShouldBeGreaterThan(100);
        invalid.ShouldBe(GeneratedSample.Summary.CorruptionsOf("invalid_nhs_number"));
        invalid.ShouldBeLessThan(written.Count / 50 + 1);
    }

    [Test]
    public void Generate_Upns_AreValidExceptTheCountedCorruptions()
    {
        var written = GeneratedSample.Definitions
            .Where(d => d.ColumnFor("upn") is not null)
            .SelectMany(d => GeneratedSample.Extract(d.Feed).Column(d.ColumnFor("upn")!))
            .Where(cell => cell.Length > 0)
            .ToList();

        var invalid = written.Count(cell => !UniquePupilNumber.IsValid(UniquePupilNumber.Normalise(cell)));

        written.Count.ShouldBeGreaterThan(100);
        invalid.ShouldBe(GeneratedSample.Summary.CorruptionsOf("invalid_upn"));
        invalid.ShouldBeLessThan(written.Count / 50 + 1);
    }

    [Test]
    public void Generate_Postcodes_AreValidUkPostcodes()
    {
        var postcodes = GeneratedSample.Definitions
            .SelectMany(d => GeneratedSample.Extract(d.Feed).Column(d.ColumnFor("postcode")!))
            .Where(cell => cell.Length > 0)
            .ToList();

        postcodes.ShouldNotBeEmpty();
        postcodes.ShouldAllBe(p => Postcode.IsValid(Postcode.Normalise(p)));
    }

    [Test]
    public void Generate_EarlyHelp_RecordsSomePeopleUnderANicknameOfTheirLegalName()
    {
        var legalNames = LegalFirstNames();
        var ehm = GeneratedSample.Extract("ehm");
        var personOf = SampleAuthorityGeneratorTests.TruthLookup("ehm");
        var id = ehm.IndexOf("EHM_Ref");
        var first = ehm.IndexOf("First_Name");

        var nicknamed = ehm.Rows.Count(r =>
            legalNames.TryGetValue(personOf[r[id]].PersonId, out var legal) && Nicknames.IsNicknameOf(r[first], legal));

        GeneratedSample.Summary.CorruptionsOf("nickname").ShouldBeGreaterThan(0);
        nicknamed.ShouldBeGreaterThan(0);
    }

    [Test]
    public void Generate_Sample_AppliesEveryKindOfCorruption()
    {
        var kinds = GeneratedSample.Summary.Corruptions.Where(kv => kv.Value > 0).Select(kv => kv.Key).ToList();

        kinds.ShouldContain("typo");
        kinds.ShouldContain("nickname");
        kinds.ShouldContain("previous_address");
        kinds.ShouldContain("surname_variant");
        kinds.ShouldContain("duplicate");
        kinds.ShouldContain("future_date_of_birth");
        kinds.ShouldContain("restricted");
    }

    [Test]
    public void Generate_Sample_TyposAreRare()
    {
        var summary = GeneratedSample.Summary;

        summary.CorruptionsOf("typo").ShouldBeLessThan(summary.TotalRows / 20);
    }

    /// <summary>Legal first names from the two feeds that carry them (school roll and health), by person.</summary>
    private static Dictionary<string, string> LegalFirstNames()
    {
        var names = new Dictionary<string, string>();
        foreach (var (feed, idColumn, nameColumn) in new[] { ("school", "roll_id", "legal_forename"), ("health", "ClientId", "GivenName"), ("lcs", "Person ID", "Forename") })
        {
            var extract = GeneratedSample.Extract(feed);
            var personOf = SampleAuthorityGeneratorTests.TruthLookup(feed);
            var id = extract.IndexOf(idColumn);
            var name = extract.IndexOf(nameColumn);
            foreach (var row in extract.Rows) names.TryAdd(personOf[row[id]].PersonId, row[name]);
        }

        return names;
    }
}
