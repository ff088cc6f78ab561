using System.Collections.Frozen;
using System.Text.Json;
using SingleView.Core.Model;

namespace SingleView.Standardise.Output;

/// <summary>
/// The standardised zone's compact layout. A file is gzip JSON Lines whose first line is a header naming
/// the format, its version, the fields of each row in order, and the values every record of the delivery
/// shares (feed, source system, extract date, raw file); each further line is one record as a JSON array
/// in that field order. Version 2 wrote each value as the serializer would (dates and enumerations as
/// text, null for nothing); version 3 (<see cref="CompactRecordRow"/>) writes them as small numbers and
/// numbers repeated values, halving the bytes again: writing and compressing them cost in proportion.
/// Version 4 is version 3 with two fields at the end of each row: the city and the named identifiers.
/// Files written before (version 1: one JSON object per line, no header; versions 2 and 3) are still read.
/// </summary>
internal static class StandardisedFormat
{
    public const string FormatName = "singleview-standardised-person-records";
    public const int Version = 4;

    /// <summary>The compact layout without city and named identifiers, still read (and written only by tests).</summary>
    public const int VersionThree = 3;

    /// <summary>The version before the compact layout, still read (and written only by tests).</summary>
    public const int VersionTwo = 2;

    /// <summary>How many distinct values of each interned field a file numbers; later new values are written as text.</summary>
    public const int InternLimit = 4096;

    /// <summary>
    /// Version 3's fields whose values repeat across a delivery (names, the involvement's team and worker,
    /// detail names and values), numbered in the order first written; "involvement.details" is two
    /// numberings, names then values.
    /// </summary>
    public static readonly string[] InternedFields =
    [
        "first_name", "middle_names", "family_name", "involvement.nature", "involvement.organisation",
        "involvement.contact_name", "involvement.contact_role", "involvement.contact_phone",
        "involvement.contact_email", "involvement.details.name", "involvement.details.value",
    ];

    public static readonly EnumNames<Gender> Genders = new();
    public static readonly EnumNames<HouseholdRole> HouseholdRoles = new();
    public static readonly EnumNames<Service> Services = new();
    public static readonly EnumNames<InvolvementStatus> Statuses = new();

    /// <summary>What a header line starts with; a version-1 record starts with <c>{"key":</c>.</summary>
    public static readonly byte[] HeaderStart = "{\"format\":"u8.ToArray();

    /// <summary>The values written once in the header, not in each row.</summary>
    public static readonly string[] SharedFields = ["key.feed", "source_system", "extract_date", "raw_file"];

    /// <summary>The fields of each row, in order (snake_case, as version 1 named them).</summary>
    public static readonly string[] RowFields =
    [
        "key.record_id", "first_name", "middle_names", "family_name", "date_of_birth", "gender", "address",
        "postcode", "postcode_invalid", "nhs_number", "upn", "case_person_id", "phone", "email",
        "special_educational_needs", "household_key", "household_role", "restricted",
        "involvement.service", "involvement.status", "involvement.start_date", "involvement.end_date",
        "involvement.nature", "involvement.organisation", "involvement.contact_name", "involvement.contact_role",
        "involvement.contact_phone", "involvement.contact_email", "involvement.details", "raw_line", "warnings",
    ];

    /// <summary>Version 4's fields: version 3's, then the city and the named identifiers (name, value, name, value...).</summary>
    public static readonly string[] RowFieldsVersionFour = [.. RowFields, "city", "identifiers"];

    /// <summary>The fields of each row of a version.</summary>
    public static string[] RowFieldsOf(int version) => version >= Version ? RowFieldsVersionFour : RowFields;

    /// <summary>An enum's values by their lake names (snake_case, as version 1 wrote them), both ways.</summary>
    internal sealed class EnumNames<T>
        where T : struct, Enum
    {
        public EnumNames()
        {
            var values = Enum.GetValues<T>();
            Names = new JsonEncodedText[values.Max(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)) + 1];
            var byName = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var value in values)
            {
                var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
                Names[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] = JsonEncodedText.Encode(name);
                byName[name] = value;
            }

            ByName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        }

        public JsonEncodedText[] Names { get; }

        public FrozenDictionary<string, T> ByName { get; }

        public T Parse(string? name, string field) =>
            name is not null && ByName.TryGetValue(name, out var value)
                ? value
                : throw new InvalidDataException($"{field}: '{name}' is not a known value");
    }
}

/// <summary>The values every record of one standardised delivery shares, written once in its header.</summary>
internal sealed record StandardisedShared(string Feed, string SourceSystem, DateOnly ExtractDate, string? RawFile);
