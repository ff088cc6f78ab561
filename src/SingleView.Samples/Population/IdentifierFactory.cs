using System.Globalization;
using SingleView.Core.Standardisation;

namespace SingleView.Samples.Population;

/// <summary>
/// Hands out NHS numbers and Unique Pupil Numbers that are valid and never repeat within a run.
/// NHS numbers start with 9, a range the NHS does not issue to patients in England.
/// </summary>
internal sealed class IdentifierFactory
{
    private const long NhsSpace = 100_000_000;
    private const long NhsMultiplier = 7_654_321; // odd and not a multiple of 5: coprime with 10^8

    /// <summary>The fictional authority's three-digit LA code at the start of every UPN it issues.</summary>
    public const string LocalAuthorityCode = "990";

    private readonly long nhsOffset;
    private long nhsCounter;
    private readonly Dictionary<(string Establishment, int Year), int> upnSerials = [];

    public IdentifierFactory(Random random) => nhsOffset = random.NextInt64(NhsSpace);

    public string NextNhsNumber()
    {
        while (true)
        {
            var body = (nhsCounter++ * NhsMultiplier + nhsOffset) % NhsSpace;
            var nine = "9" + body.ToString("D8", CultureInfo.InvariantCulture);
            if (NhsNumber.CheckDigit(nine) is { } check) return nine + check.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>A permanent UPN: check letter, LA code, establishment number, two-digit year issued, serial.</summary>
    public string NextUpn(School school, int yearIssued)
    {
        var key = (school.EstablishmentNumber, yearIssued % 100);
        upnSerials.TryGetValue(key, out var serial);
        upnSerials[key] = serial + 1;

        // A school issues at most 1,000 UPNs a year; past that (only in very large samples) the
        // number borrows a neighbouring establishment number so that UPNs stay unique.
        var establishment = (int.Parse(school.EstablishmentNumber, CultureInfo.InvariantCulture) + 100 * (serial / 1000)) % 10_000;
        var twelve = string.Create(
            CultureInfo.InvariantCulture,
            $"{LocalAuthorityCode}{establishment:D4}{yearIssued % 100:D2}{serial % 1000:D3}");
        return UniquePupilNumber.CheckLetter(twelve) + twelve;
    }
}
