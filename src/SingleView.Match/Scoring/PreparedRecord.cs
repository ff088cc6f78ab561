using System.Globalization;
using SingleView.Core.Model;
using SingleView.Core.Standardisation;
using SingleView.Core.Text;

namespace SingleView.Match.Scoring;

/// <summary>
/// A person record with its comparison and blocking keys worked out once, so that scoring millions of
/// pairs does not redo the same string work.
/// </summary>
internal sealed class PreparedRecord
{
    public PreparedRecord(int index, PersonRecord record)
    {
        Index = index;
        Record = record;
        FirstNameKey = NameStandardiser.MatchKey(record.FirstName);
        MiddleNamesKey = NameStandardiser.MatchKey(record.MiddleNames);
        MiddleNames = MiddleNamesKey.Length == 0 ? [] : MiddleNamesKey.Split(' ');
        FamilyNameKey = NameStandardiser.MatchKey(record.FamilyName);
        FamilyNameParts = FamilyNameKey.Length == 0 ? [] : FamilyNameKey.Split(' ');
        FirstNameSoundex = Soundex.Encode(FirstNameKey);
        // Soundex of the first part of a double-barrelled name, so Smith and Smith-Jones share a block.
        FamilyNameSoundex = FamilyNameParts.Length == 0 ? string.Empty : Soundex.Encode(FamilyNameParts[0]);
        FirstNamePhonetic = PhoneticCode.Encode(FirstNameKey);
        FamilyNamePhonetic = PhoneticCode.Encode(FamilyNameKey);
        if (record.DateOfBirth is { } dob)
        {
            DateOfBirthDigits = dob.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            DateOfBirthDay = dob.DayNumber;
        }

        Postcode = record.PostcodeInvalid ? null : record.Postcode;
        PostcodeSector = Core.Standardisation.Postcode.Sector(Postcode);
        PostcodeDistrict = Core.Standardisation.Postcode.District(Postcode);
        AddressKey = AddressKeyOf(record.Address);
        HouseAndStreet = HouseAndStreetOf(AddressKey);
        City = CityOf(record.Address);
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
    public string? Email { get; }
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

    public bool HasIdentifier => Record.NhsNumber is not null || Record.Upn is not null || Record.CasePersonId is not null;

    /// <summary>Nothing to match on but an identifier (or not even that): no name and no date of birth.</summary>
    public bool Unmatchable => !HasName && Record.DateOfBirth is null && !HasIdentifier;

    private static string AddressKeyOf(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return string.Empty;
        var chars = address.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The house number and the first word of the street: "12 MILL LANE ANYTOWN" → "12 MILL".</summary>
    private static string HouseAndStreetOf(string addressKey)
    {
        var words = addressKey.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var number = Array.FindIndex(words, w => w.Any(char.IsAsciiDigit));
        return number >= 0 && number + 1 < words.Length ? $"{words[number]} {words[number + 1]}" : string.Empty;
    }

    /// <summary>The town: the last comma-separated part of the address, when there is more than one part.</summary>
    private static string CityOf(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return string.Empty;
        var comma = address.LastIndexOf(',');
        if (comma < 0) return string.Empty;
        var town = AddressKeyOf(address[(comma + 1)..]);
        return town.Any(char.IsAsciiDigit) ? string.Empty : town;
    }
}
