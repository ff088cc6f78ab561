using System.Collections.Concurrent;
using System.Globalization;
using SingleView.Core.Standardisation;
using SingleView.Core.Text;

namespace SingleView.Match.Scoring;

/// <summary>
/// The string work of preparing records, done once per distinct value of a run: a million records hold
/// a few thousand names, dates and postcodes and a few hundred thousand addresses, so each is keyed,
/// split and encoded once and the records share the results (less work, and far less garbage to collect).
/// Every value is what <see cref="PreparedRecord"/> works out on its own; this only remembers it.
/// </summary>
internal sealed class PreparationCache
{
    private readonly ConcurrentDictionary<string, NameKeys> names = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AddressKeys> addresses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PostcodeKeys> postcodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, string> dates = new();

    public NameKeys Name(string? raw) => raw is null ? NameKeys.Empty : names.GetOrAdd(raw, NameKeys.Of);

    public AddressKeys Address(string? raw) => raw is null ? AddressKeys.Of(null) : addresses.GetOrAdd(raw, AddressKeys.Of);

    public PostcodeKeys Postcode(string? postcode) => postcode is null ? PostcodeKeys.Empty : postcodes.GetOrAdd(postcode, PostcodeKeys.Of);

    public string DateDigits(DateOnly date) => dates.GetOrAdd(date.DayNumber, static (_, d) => DigitsOf(d), date);

    public static string DigitsOf(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}

/// <summary>A name's match key, its parts, Soundex (of the whole key and of its first part) and phonetic code.</summary>
internal sealed record NameKeys(string Key, string[] Parts, string Soundex, string FirstPartSoundex, string Phonetic)
{
    public static NameKeys Empty { get; } = Of(null);

    public static NameKeys Of(string? raw)
    {
        var key = NameStandardiser.MatchKey(raw);
        string[] parts = key.Length == 0 ? [] : key.Split(' ');
        return new NameKeys(
            key,
            parts,
            Core.Text.Soundex.Encode(key),
            // Soundex of the first part of a double-barrelled name, so Smith and Smith-Jones share a block.
            parts.Length == 0 ? string.Empty : Core.Text.Soundex.Encode(parts[0]),
            PhoneticCode.Encode(key));
    }
}

/// <summary>An address's comparison key, house number and street, and town.</summary>
internal sealed record AddressKeys(string Key, string HouseAndStreet, string City)
{
    public static AddressKeys Of(string? raw)
    {
        var key = PreparedRecord.AddressKeyOf(raw);
        return new AddressKeys(key, PreparedRecord.HouseAndStreetOf(key), PreparedRecord.CityOf(raw));
    }
}

/// <summary>A valid postcode's sector and district.</summary>
internal sealed record PostcodeKeys(string? Sector, string? District)
{
    public static PostcodeKeys Empty { get; } = new(null, null);

    public static PostcodeKeys Of(string postcode) => new(Core.Standardisation.Postcode.Sector(postcode), Core.Standardisation.Postcode.District(postcode));
}
