using System.Globalization;
using SingleView.Core.Model;
using SingleView.Core.Standardisation;
using SingleView.Core.Text;

namespace SingleView.Match.Scoring;

/// <summary>
/// A person record with its comparison keys worked out once, so that scoring millions of pairs does
/// not redo the same string work.
/// </summary>
internal sealed class PreparedRecord
{
    public PreparedRecord(int index, PersonRecord record)
    {
        Index = index;
        Record = record;
        FirstNameKey = NameStandardiser.MatchKey(record.FirstName);
        MiddleNamesKey = NameStandardiser.MatchKey(record.MiddleNames);
        FamilyNameKey = NameStandardiser.MatchKey(record.FamilyName);
        FirstNameSoundex = Soundex.Encode(FirstNameKey);
        // Soundex of the first part of a double-barrelled name, so Smith and Smith-Jones share a block.
        FamilyNameSoundex = Soundex.Encode(FamilyNameKey.Split(' ')[0]);
        DateOfBirthDigits = record.DateOfBirth?.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        Postcode = record.PostcodeInvalid ? null : record.Postcode;
        AddressKey = AddressKeyOf(record.Address);
        HouseAndStreet = HouseAndStreetOf(AddressKey);
        Email = record.Email;
    }

    public int Index { get; }
    public PersonRecord Record { get; }
    public SourceRecordKey Key => Record.Key;
    public string FirstNameKey { get; }
    public string MiddleNamesKey { get; }
    public string FamilyNameKey { get; }
    public string FirstNameSoundex { get; }
    public string FamilyNameSoundex { get; }
    public string? DateOfBirthDigits { get; }
    public string? Postcode { get; }
    public string AddressKey { get; }
    public string HouseAndStreet { get; }
    public string? Email { get; }

    public bool HasName => FirstNameKey.Length > 0 || FamilyNameKey.Length > 0;

    public bool HasIdentifier => Record.NhsNumber is not null || Record.Upn is not null || Record.CasePersonId is not null;

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
}
