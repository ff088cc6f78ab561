using SingleView.Core.Model;
using SingleView.Core.Standardisation;

namespace SingleView.Match.Scoring;

/// <summary>
/// A person record with its comparison and blocking keys worked out once, so that scoring millions of
/// pairs does not redo the same string work.
/// </summary>
internal sealed class PreparedRecord
{
    public PreparedRecord(int index, PersonRecord record)
        : this(index, record, new PreparationCache())
    {
    }

    /// <summary>A record prepared with the run's <paramref name="cache"/>, which shares the string work between records of one value.</summary>
    public PreparedRecord(int index, PersonRecord record, PreparationCache cache)
    {
        Index = index;
        Record = record;
        var first = cache.Name(record.FirstName);
        var middle = cache.Name(record.MiddleNames);
        var family = cache.Name(record.FamilyName);
        FirstNameKey = first.Key;
        MiddleNamesKey = middle.Key;
        MiddleNames = middle.Parts;
        FamilyNameKey = family.Key;
        FirstNameJoined = first.Key.Replace(" ", string.Empty, StringComparison.Ordinal);
        FamilyNameJoined = family.Key.Replace(" ", string.Empty, StringComparison.Ordinal);
        FamilyNameParts = family.Parts;
        FirstNameSoundex = first.Soundex;
        FamilyNameSoundex = family.FirstPartSoundex;
        FirstNamePhonetic = first.Phonetic;
        FamilyNamePhonetic = family.Phonetic;
        if (record.DateOfBirth is { } dob)
        {
            DateOfBirthDigits = cache.DateDigits(dob);
            DateOfBirthDay = dob.DayNumber;
        }

        // Any postcode is evidence as text (an Australian 2119, a mistyped UK code); only a valid UK
        // postcode has a sector and district to agree on.
        Postcode = record.PostcodeInvalid ? PostcodeTextOf(record.Postcode) : record.Postcode;
        var postcode = record.PostcodeInvalid ? PostcodeKeys.Empty : cache.Postcode(Postcode);
        PostcodeSector = postcode.Sector;
        PostcodeDistrict = postcode.District;
        var address = cache.Address(record.Address);
        AddressKey = address.Key;
        HouseAndStreet = address.HouseAndStreet;
        // A feed's own town column is the town; otherwise the last part of the address, if it has parts.
        City = string.IsNullOrWhiteSpace(record.City) ? address.City : AddressKeyOf(record.City);
        CityGiven = !string.IsNullOrWhiteSpace(record.City);
        Identifiers = IdentifiersOf(record.Identifiers);
        Email = string.IsNullOrWhiteSpace(record.Email) ? null : record.Email.Trim().ToLowerInvariant();
        NhsNumberValid = NhsNumber.IsValid(record.NhsNumber);
        UpnValid = UniquePupilNumber.IsValid(record.Upn);
    }

    public int Index { get; }
    public PersonRecord Record { get; }
    public SourceRecordKey Key => Record.Key;
    public string FirstNameKey { get; }
    public string MiddleNamesKey { get; }
    public string[] MiddleNames { get; }
    public string FamilyNameKey { get; }
    /// <summary>The first name's key without spaces, for the string measures: "LAUR A" is a slip of "LAURA", not two names.</summary>
    public string FirstNameJoined { get; }
    public string FamilyNameJoined { get; }
    public string[] FamilyNameParts { get; }
    public string FirstNameSoundex { get; }
    public string FamilyNameSoundex { get; }
    public string FirstNamePhonetic { get; }
    public string FamilyNamePhonetic { get; }
    public string? DateOfBirthDigits { get; }
    public int DateOfBirthDay { get; }
    public string? Postcode { get; }
    public string? PostcodeSector { get; }
    public string? PostcodeDistrict { get; }
    public string AddressKey { get; }
    public string HouseAndStreet { get; }
    public string City { get; }
    /// <summary>True when the town came from the feed's own town column, not from the address's last part.</summary>
    public bool CityGiven { get; }
    public string? Email { get; }
    /// <summary>The record's named identifiers (name, value upper-cased and trimmed), in name order; empty without any.</summary>
    public NamedIdentifier[] Identifiers { get; }
    public bool NhsNumberValid { get; }
    public bool UpnValid { get; }

    // Filled by ValueFrequencies.Annotate for the run.
    public int FirstNameCount { get; set; } = 1;
    public int FamilyNameCount { get; set; } = 1;
    public int PostcodeCount { get; set; } = 1;
    public double FirstNameShare { get; set; }
    public double FamilyNameShare { get; set; }
    public double PostcodeShare { get; set; }
    public int FirstNameValues { get; set; }
    public int FamilyNameValues { get; set; }
    public int PostcodeValues { get; set; }

    public bool HasName => FirstNameKey.Length > 0 || FamilyNameKey.Length > 0;

    public bool HasIdentifier => Record.NhsNumber is not null || Record.Upn is not null || Record.CasePersonId is not null || Identifiers.Length > 0;

    /// <summary>Nothing to match on but an identifier (or not even that): no name and no date of birth.</summary>
    public bool Unmatchable => !HasName && Record.DateOfBirth is null && !HasIdentifier;

    /// <summary>A postcode that is not a valid UK postcode, as text to compare: upper case, letters and digits only.</summary>
    internal static string? PostcodeTextOf(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode)) return null;
        var text = new string(postcode.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return text.Length == 0 ? null : text;
    }

    private static NamedIdentifier[] IdentifiersOf(IReadOnlyList<NamedIdentifier> identifiers)
    {
        if (identifiers.Count == 0) return [];
        return identifiers
            .Where(i => !string.IsNullOrWhiteSpace(i.Name) && !string.IsNullOrWhiteSpace(i.Value))
            .Select(i => new NamedIdentifier(i.Name.Trim(), i.Value.Trim().ToUpperInvariant()))
            .OrderBy(i => i.Name, StringComparer.Ordinal)
            .ToArray();
    }

    internal static string AddressKeyOf(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return string.Empty;
        var chars = address.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The house number and the first word of the street: "12 MILL LANE ANYTOWN" → "12 MILL".</summary>
    internal static string HouseAndStreetOf(string addressKey)
    {
        var words = addressKey.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var number = Array.FindIndex(words, w => w.Any(char.IsAsciiDigit));
        return number >= 0 && number + 1 < words.Length ? $"{words[number]} {words[number + 1]}" : string.Empty;
    }

    /// <summary>The town: the last comma-separated part of the address, when there is more than one part.</summary>
    internal static string CityOf(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return string.Empty;
        var comma = address.LastIndexOf(',');
        if (comma < 0) return string.Empty;
        var town = AddressKeyOf(address[(comma + 1)..]);
        return town.Any(char.IsAsciiDigit) ? string.Empty : town;
    }
}
