using System.Globalization;
using SingleView.Match.Model;
using SingleView.Match.Scoring;

namespace SingleView.Match.Blocking;

/// <summary>Each record's key for a blocking rule, as a 64-bit FNV-1a hash of its parts; 0 when a part is missing.</summary>
internal static class BlockingKeys
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static long[] Of(IReadOnlyList<PreparedRecord> records, BlockingRule rule)
    {
        var keys = new long[records.Count];
        for (var i = 0; i < records.Count; i++) keys[i] = KeyOf(records[i], rule);
        return keys;
    }

    public static long KeyOf(PreparedRecord record, BlockingRule rule)
    {
        var hash = Offset;
        foreach (var key in rule.Keys)
        {
            var value = ValueOf(record, key);
            if (string.IsNullOrEmpty(value)) return 0;
            foreach (var c in value) hash = (hash ^ c) * Prime;
            hash = (hash ^ 0x1F) * Prime;
        }

        return hash == 0 ? 1 : (long)hash;
    }

    public static string? ValueOf(PreparedRecord record, BlockingKey key) => key switch
    {
        BlockingKey.NhsNumber => record.Record.NhsNumber,
        BlockingKey.Upn => record.Record.Upn,
        BlockingKey.CasePersonId => record.Record.CasePersonId,
        BlockingKey.DateOfBirth => record.DateOfBirthDigits,
        BlockingKey.BirthYear => record.DateOfBirthDigits?[..4],
        BlockingKey.FirstNameSoundex => record.FirstNameSoundex,
        BlockingKey.FamilyNameSoundex => record.FamilyNameSoundex,
        BlockingKey.FirstNamePhonetic => record.FirstNamePhonetic,
        BlockingKey.FamilyNamePhonetic => record.FamilyNamePhonetic,
        BlockingKey.FirstNameInitial => record.FirstNameKey.Length > 0 ? record.FirstNameKey[..1] : null,
        BlockingKey.Postcode => record.Postcode,
        BlockingKey.Email => record.Email,
        BlockingKey.Identifier => record.Identifiers.Length == 0 ? null : $"{record.Identifiers[0].Name}={record.Identifiers[0].Value}",
        BlockingKey.NamesSoundexEitherOrder => record.FirstNameSoundex.Length == 0 || record.FamilyNameSoundex.Length == 0
            ? null
            : string.CompareOrdinal(record.FirstNameSoundex, record.FamilyNameSoundex) <= 0
                ? record.FirstNameSoundex + record.FamilyNameSoundex
                : record.FamilyNameSoundex + record.FirstNameSoundex,
        // Only a feed's own town column: feeds with full addresses and postcodes have better keys, and a
        // town taken from every address would make blocks of every common name in the town.
        BlockingKey.City => !record.CityGiven || record.City.Length == 0 ? null : record.City,
        _ => null,
    };

    /// <summary>The comparison columns a blocking key fixes: training on that rule holds out their comparisons.</summary>
    public static IEnumerable<ComparisonColumn> ColumnsOf(BlockingKey key) => key switch
    {
        BlockingKey.NhsNumber => [ComparisonColumn.NhsNumber],
        BlockingKey.Upn => [ComparisonColumn.Upn],
        BlockingKey.CasePersonId => [ComparisonColumn.CasePersonId],
        BlockingKey.DateOfBirth or BlockingKey.BirthYear => [ComparisonColumn.DateOfBirth],
        BlockingKey.FirstNameSoundex or BlockingKey.FirstNamePhonetic or BlockingKey.FirstNameInitial => [ComparisonColumn.FirstName],
        BlockingKey.FamilyNameSoundex or BlockingKey.FamilyNamePhonetic => [ComparisonColumn.FamilyName],
        BlockingKey.Postcode => [ComparisonColumn.Postcode, ComparisonColumn.Address, ComparisonColumn.City],
        BlockingKey.Email => [ComparisonColumn.Email],
        BlockingKey.Identifier => [ComparisonColumn.Identifier],
        BlockingKey.NamesSoundexEitherOrder => [ComparisonColumn.FirstName, ComparisonColumn.FamilyName],
        BlockingKey.City => [ComparisonColumn.City],
        _ => [],
    };

    internal static string Describe(BlockingRule rule) => string.Create(CultureInfo.InvariantCulture, $"{rule.Name} ({string.Join(" + ", rule.Keys)})");
}
