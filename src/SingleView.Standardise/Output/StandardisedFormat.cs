using System.Collections.Frozen;
using System.Text.Json;

namespace SingleView.Standardise.Output;

/// <summary>
/// The standardised zone's compact layout (format version 2). A file is still gzip JSON Lines, but its
/// first line is a header naming the format, its version, the fields of each row in order, and the
/// values every record of the delivery shares (feed, source system, extract date, raw file); each further
/// line is one record as a JSON array in that field order. Field names once per file instead of once per
/// value made the JSON a third of its size, and the JSON writing and compression, which cost more than
/// reading the CSV, shrink with it. Files written before (version 1: one JSON object per line, no header)
/// are still read.
/// </summary>
internal static class StandardisedFormat
{
    public const string FormatName = "singleview-standardised-person-records";
    public const int Version = 2;

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
