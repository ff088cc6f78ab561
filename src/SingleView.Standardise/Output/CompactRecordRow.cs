using System.Text.Json;
using SingleView.Core.Model;
using SingleView.Standardise.Mapping;

namespace SingleView.Standardise.Output;

/// <summary>
/// One <see cref="PersonRecord"/> (written from its <see cref="MappedRow"/>) as a row of the standardised zone, format version 3: a JSON array in
/// <see cref="StandardisedFormat.RowFields"/> order with fewer bytes than version 2, because writing
/// and compressing the zone cost in proportion to its bytes:
/// <list type="bullet">
/// <item>an absent text or date is <c>0</c>; a date is the number yyyyMMdd; a boolean is 0 or 1;</item>
/// <item>an enumeration is its position in the header's <c>enums</c> lists;</item>
/// <item>in the header's <c>interned</c> fields (teams, workers, names, details...) the first
/// <see cref="StandardisedFormat.InternLimit"/> distinct values of each field are numbered 1, 2... in
/// the order they are first written as text, and a value seen before is written as its number;</item>
/// <item><c>true</c> in a text field is "the same as key.record_id" (a case id is usually the record id);</item>
/// <item>a record without an involvement has <c>null</c> for the service and nothing for the other ten;</item>
/// <item>details are a flat array of name, value, name, value (both interned); raw_line is the
/// difference from the previous row's.</item>
/// </list>
/// <item>version 4 adds the city (text) and the named identifiers (<c>0</c> for none, else a flat
/// array of name, value, name, value) after the warnings.</item>
/// One instance writes (or reads) one file from its start: the numbering is the file's own.
/// </summary>
internal sealed class CompactRecordRow
{
    // The interned fields, by position in StandardisedFormat.InternedFields.
    private const int FirstName = 0;
    private const int MiddleNames = 1;
    private const int FamilyName = 2;
    private const int Nature = 3;
    private const int Organisation = 4;
    private const int ContactName = 5;
    private const int ContactRole = 6;
    private const int ContactPhone = 7;
    private const int ContactEmail = 8;
    private const int DetailName = 9;
    private const int DetailValue = 10;

    private readonly Dictionary<string, int>[] numbers = NewTables<Dictionary<string, int>>(() => new(StringComparer.Ordinal));
    private readonly List<string>[] values = NewTables<List<string>>(() => []);
    private const int RecentPerTable = 4;
    private readonly string?[] recentValues = new string?[StandardisedFormat.InternedFields.Length * RecentPerTable];
    private readonly int[] recentNumbers = new int[StandardisedFormat.InternedFields.Length * RecentPerTable];
    private readonly int[] recentNext = new int[StandardisedFormat.InternedFields.Length];
    private readonly int internLimit;
    private readonly Gender[] genders;
    private readonly HouseholdRole[] householdRoles;
    private readonly Service[] services;
    private readonly InvolvementStatus[] statuses;
    private readonly bool withCityAndIdentifiers;
    private long previousRawLine;

    /// <summary>For writing a file: enumerations by this build's numbering (which the header lists).</summary>
    /// <param name="version">The current version, or version 3 (for tests of reading older files).</param>
    public CompactRecordRow(int version = StandardisedFormat.Version)
        : this(
            version,
            StandardisedFormat.InternLimit,
            Enum.GetValues<Gender>(),
            Enum.GetValues<HouseholdRole>(),
            Enum.GetValues<Service>(),
            Enum.GetValues<InvolvementStatus>())
    {
    }

    private CompactRecordRow(int version, int internLimit, Gender[] genders, HouseholdRole[] householdRoles, Service[] services, InvolvementStatus[] statuses)
    {
        withCityAndIdentifiers = version >= StandardisedFormat.Version;
        this.internLimit = internLimit;
        this.genders = genders;
        this.householdRoles = householdRoles;
        this.services = services;
        this.statuses = statuses;
    }

    /// <summary>
    /// For reading a file written with this header: its enumeration lists are read by name (this build's
    /// numbering may differ from the writer's) and its interned fields must be this version's.
    /// </summary>
    public static CompactRecordRow ForReading(JsonElement header, int version)
    {
        var interned = header.GetProperty("interned").EnumerateArray().Select(f => f.GetString()).ToArray();
        if (!interned.SequenceEqual(StandardisedFormat.InternedFields))
        {
            throw new InvalidDataException("the header's interned fields are not version 3's");
        }

        var enums = header.GetProperty("enums");
        return new CompactRecordRow(
            version,
            header.GetProperty("intern_limit").GetInt32(),
            Positions(enums, "gender", StandardisedFormat.Genders),
            Positions(enums, "household_role", StandardisedFormat.HouseholdRoles),
            Positions(enums, "involvement.service", StandardisedFormat.Services),
            Positions(enums, "involvement.status", StandardisedFormat.Statuses));
    }

    public void Write(ZoneRowWriter json, MappedRow record)
    {
        json.StartArray();
        var recordId = record.RecordId;
        json.String(recordId);
        WriteInterned(json, FirstName, record.FirstName);
        WriteInterned(json, MiddleNames, record.MiddleNames);
        WriteInterned(json, FamilyName, record.FamilyName);
        WriteDate(json, record.DateOfBirth);
        json.Number((int)record.Gender);
        WriteText(json, record.Address, recordId);
        WriteText(json, record.Postcode, recordId);
        WriteBoolean(json, record.PostcodeInvalid);
        WriteText(json, record.NhsNumber, recordId);
        WriteText(json, record.Upn, recordId);
        WriteText(json, record.CasePersonId, recordId);
        WriteText(json, record.Phone, recordId);
        WriteText(json, record.Email, recordId);
        WriteBoolean(json, record.SpecialEducationalNeeds);
        WriteText(json, record.HouseholdKey, recordId);
        json.Number((int)record.HouseholdRole);
        WriteBoolean(json, record.Restricted);
        WriteInvolvement(json, record);
        json.Number(record.RawLine - previousRawLine);
        previousRawLine = record.RawLine;
        json.StartArray();
        foreach (var warning in record.Warnings) json.String(warning);
        json.EndArray();
        if (withCityAndIdentifiers)
        {
            WriteText(json, record.City, recordId);
            WriteIdentifiers(json, record.Identifiers);
        }

        json.EndArray();
    }

    private static void WriteIdentifiers(ZoneRowWriter json, NamedIdentifier[] identifiers)
    {
        if (identifiers.Length == 0)
        {
            json.Number(0);
            return;
        }

        json.StartArray();
        foreach (var (name, value) in identifiers)
        {
            json.String(name);
            json.String(value);
        }

        json.EndArray();
    }

    private static NamedIdentifier[] ReadIdentifiers(ref Utf8JsonReader json)
    {
        if (Next(ref json) == JsonTokenType.Number) return json.GetInt32() == 0 ? [] : throw new InvalidDataException("identifiers: a number other than 0");
        Require(ref json, JsonTokenType.StartArray);
        var identifiers = new List<NamedIdentifier>();
        while (Next(ref json) == JsonTokenType.String)
        {
            var name = json.GetString()!;
            Expect(ref json, JsonTokenType.String);
            identifiers.Add(new NamedIdentifier(name, json.GetString()!));
        }

        Require(ref json, JsonTokenType.EndArray);
        return [.. identifiers];
    }

    /// <summary>Reads the file's next row (a whole line), with the delivery's shared values.</summary>
    public PersonRecord Read(ReadOnlySpan<byte> line, StandardisedShared shared)
    {
        var json = new Utf8JsonReader(line);
        Expect(ref json, JsonTokenType.StartArray);
        Expect(ref json, JsonTokenType.String);
        var recordId = json.GetString()!;
        var firstName = ReadInterned(ref json, FirstName);
        var middleNames = ReadInterned(ref json, MiddleNames);
        var familyName = ReadInterned(ref json, FamilyName);
        var dateOfBirth = ReadDate(ref json);
        var gender = ReadEnum(ref json, genders, "gender");
        var address = ReadText(ref json, recordId);
        var postcode = ReadText(ref json, recordId);
        var postcodeInvalid = ReadBoolean(ref json);
        var nhsNumber = ReadText(ref json, recordId);
        var upn = ReadText(ref json, recordId);
        var casePersonId = ReadText(ref json, recordId);
        var phone = ReadText(ref json, recordId);
        var email = ReadText(ref json, recordId);
        var specialEducationalNeeds = ReadBoolean(ref json);
        var householdKey = ReadText(ref json, recordId);
        var householdRole = ReadEnum(ref json, householdRoles, "household_role");
        var restricted = ReadBoolean(ref json);
        var involvement = ReadInvolvement(ref json);
        Expect(ref json, JsonTokenType.Number);
        var rawLine = previousRawLine + json.GetInt64();
        previousRawLine = rawLine;
        var warnings = ReadWarnings(ref json);
        var city = withCityAndIdentifiers ? ReadText(ref json, recordId) : null;
        var identifiers = withCityAndIdentifiers ? ReadIdentifiers(ref json) : [];
        Expect(ref json, JsonTokenType.EndArray);
        return new PersonRecord
        {
            Key = new SourceRecordKey(shared.Feed, recordId),
            SourceSystem = shared.SourceSystem,
            ExtractDate = shared.ExtractDate,
            FirstName = firstName,
            MiddleNames = middleNames,
            FamilyName = familyName,
            DateOfBirth = dateOfBirth,
            Gender = gender,
            Address = address,
            Postcode = postcode,
            PostcodeInvalid = postcodeInvalid,
            NhsNumber = nhsNumber,
            Upn = upn,
            CasePersonId = casePersonId,
            City = city,
            Identifiers = identifiers,
            Phone = phone,
            Email = email,
            SpecialEducationalNeeds = specialEducationalNeeds,
            HouseholdKey = householdKey,
            HouseholdRole = householdRole,
            Restricted = restricted,
            Involvement = involvement,
            RawFile = shared.RawFile,
            RawLine = rawLine,
            Warnings = warnings,
        };
    }

    // A name this build does not know is kept as the default: a row that uses it fails then, with the field named.
    private static T[] Positions<T>(JsonElement enums, string field, StandardisedFormat.EnumNames<T> names)
        where T : struct, Enum =>
        enums.GetProperty(field).EnumerateArray()
            .Select(name => name.GetString() is { } text && names.ByName.TryGetValue(text, out var value) ? (T?)value : null)
            .Select(value => value ?? throw new InvalidDataException($"{field}: a value in the header is not known to this build"))
            .ToArray();

    private static T[] NewTables<T>(Func<T> create) =>
        Enumerable.Range(0, StandardisedFormat.InternedFields.Length).Select(_ => create()).ToArray();

    private void WriteInvolvement(ZoneRowWriter json, MappedRow involvement)
    {
        if (!involvement.HasInvolvement)
        {
            json.Null();
            return;
        }

        json.Number((int)involvement.Service);
        json.Number((int)involvement.Status);
        WriteDate(json, involvement.StartDate);
        WriteDate(json, involvement.EndDate);
        WriteInterned(json, Nature, involvement.Nature);
        WriteInterned(json, Organisation, involvement.Organisation);
        WriteInterned(json, ContactName, involvement.ContactName);
        WriteInterned(json, ContactRole, involvement.ContactRole);
        WriteInterned(json, ContactPhone, involvement.ContactPhone);
        WriteInterned(json, ContactEmail, involvement.ContactEmail);
        json.StartArray();
        // A detail the row does not have is left out, as the record's details leave it out.
        var names = involvement.DetailNames;
        var details = involvement.Details;
        for (var i = 0; i < names.Length; i++)
        {
            if (details[i] is { } value) WriteDetail(json, names[i], value);
        }

        json.EndArray();
    }

    private void WriteDetail(ZoneRowWriter json, string name, string value)
    {
        WriteInterned(json, DetailName, name);
        WriteInterned(json, DetailValue, value);
    }

    private ServiceInvolvement? ReadInvolvement(ref Utf8JsonReader json)
    {
        if (Next(ref json) == JsonTokenType.Null) return null;
        var service = EnumAt(ref json, services, "involvement.service");
        var status = ReadEnum(ref json, statuses, "involvement.status");
        var start = ReadDate(ref json);
        var end = ReadDate(ref json);
        var nature = ReadInterned(ref json, Nature);
        var organisation = ReadInterned(ref json, Organisation);
        var contactName = ReadInterned(ref json, ContactName);
        var contactRole = ReadInterned(ref json, ContactRole);
        var contactPhone = ReadInterned(ref json, ContactPhone);
        var contactEmail = ReadInterned(ref json, ContactEmail);
        Expect(ref json, JsonTokenType.StartArray);
        var details = new Dictionary<string, string>(StringComparer.Ordinal);
        while (Peek(ref json) != JsonTokenType.EndArray)
        {
            var name = ReadInterned(ref json, DetailName) ?? throw new InvalidDataException("involvement.details: a name is empty");
            details[name] = ReadInterned(ref json, DetailValue) ?? throw new InvalidDataException($"involvement.details.{name}: is empty");
        }

        Expect(ref json, JsonTokenType.EndArray);
        return new ServiceInvolvement
        {
            Service = service,
            Status = status,
            StartDate = start,
            EndDate = end,
            Nature = nature,
            Organisation = organisation,
            ContactName = contactName,
            ContactRole = contactRole,
            ContactPhone = contactPhone,
            ContactEmail = contactEmail,
            Details = details,
        };
    }

    private void WriteInterned(ZoneRowWriter json, int table, string? value)
    {
        if (value is null)
        {
            json.Number(0);
            return;
        }

        // The same string object as one of the table's last few numbered values (a detail's name, the
        // household's family name or worker on the row before) is that number without hashing its text.
        var recentBase = table * RecentPerTable;
        for (var i = recentBase; i < recentBase + RecentPerTable; i++)
        {
            if (ReferenceEquals(recentValues[i], value))
            {
                json.Number(recentNumbers[i]);
                return;
            }
        }

        var known = numbers[table];
        if (known.TryGetValue(value, out var number))
        {
            Remember(recentBase, value, number);
            json.Number(number);
            return;
        }

        if (known.Count < internLimit)
        {
            known.Add(value, known.Count + 1);
            Remember(recentBase, value, known.Count);
        }

        json.String(value);
    }

    // Round robin over the table's places: a value remembered here has a number that never changes.
    private void Remember(int recentBase, string value, int number)
    {
        var at = recentBase + recentNext[recentBase / RecentPerTable];
        recentValues[at] = value;
        recentNumbers[at] = number;
        recentNext[recentBase / RecentPerTable] = (recentNext[recentBase / RecentPerTable] + 1) % RecentPerTable;
    }

    private string? ReadInterned(ref Utf8JsonReader json, int table)
    {
        var known = values[table];
        switch (Next(ref json))
        {
            case JsonTokenType.Number:
                var number = json.GetInt32();
                if (number == 0) return null;
                return number <= known.Count ? known[number - 1] : throw new InvalidDataException($"{StandardisedFormat.InternedFields[table]}: value {number} is not numbered yet");
            case JsonTokenType.String:
                var value = json.GetString()!;
                if (known.Count < internLimit) known.Add(value);
                return value;
            default:
                throw new InvalidDataException($"a row holds {json.TokenType} where {StandardisedFormat.InternedFields[table]} belongs");
        }
    }

    private static void WriteText(ZoneRowWriter json, string? value, string recordId)
    {
        if (value is null) json.Number(0);
        else if (ReferenceEquals(value, recordId) || (value.Length == recordId.Length && string.Equals(value, recordId, StringComparison.Ordinal))) json.True();
        else json.String(value);
    }

    private static string? ReadText(ref Utf8JsonReader json, string recordId) => Next(ref json) switch
    {
        JsonTokenType.String => json.GetString(),
        JsonTokenType.True => recordId,
        JsonTokenType.Number when json.GetInt32() == 0 => null,
        var other => throw new InvalidDataException($"a row holds {other} where text belongs"),
    };

    private static void WriteBoolean(ZoneRowWriter json, bool value) => json.Number(value ? 1 : 0);

    private static bool ReadBoolean(ref Utf8JsonReader json)
    {
        Expect(ref json, JsonTokenType.Number);
        return json.GetInt32() switch
        {
            0 => false,
            1 => true,
            var other => throw new InvalidDataException($"a row holds {other} where 0 or 1 belongs"),
        };
    }

    private static void WriteDate(ZoneRowWriter json, DateOnly? date)
    {
        if (date is not { } value)
        {
            json.Number(0);
            return;
        }

        json.Number((value.Year * 10_000) + (value.Month * 100) + value.Day);
    }

    private static DateOnly? ReadDate(ref Utf8JsonReader json)
    {
        Expect(ref json, JsonTokenType.Number);
        var number = json.GetInt32();
        if (number == 0) return null;
        try
        {
            return new DateOnly(number / 10_000, number / 100 % 100, number % 100);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new InvalidDataException($"{number} is not a date (yyyyMMdd)");
        }
    }

    private static T ReadEnum<T>(ref Utf8JsonReader json, T[] byPosition, string field)
        where T : struct, Enum
    {
        Next(ref json);
        return EnumAt(ref json, byPosition, field);
    }

    // The number is a position in the header's list, which names the value: the enumeration's own order may change.
    private static T EnumAt<T>(ref Utf8JsonReader json, T[] byPosition, string field)
        where T : struct, Enum
    {
        Require(ref json, JsonTokenType.Number);
        var number = json.GetInt32();
        return number >= 0 && number < byPosition.Length
            ? byPosition[number]
            : throw new InvalidDataException($"{field}: {number} is not a known value");
    }

    private static string[] ReadWarnings(ref Utf8JsonReader json)
    {
        Expect(ref json, JsonTokenType.StartArray);
        List<string>? strings = null;
        while (Next(ref json) == JsonTokenType.String) (strings ??= []).Add(json.GetString()!);
        Require(ref json, JsonTokenType.EndArray);
        return strings is null ? [] : [.. strings];
    }

    private static JsonTokenType Next(ref Utf8JsonReader json) =>
        json.Read() ? json.TokenType : throw new InvalidDataException("a row ends early");

    private static JsonTokenType Peek(ref Utf8JsonReader json)
    {
        var copy = json;
        return Next(ref copy);
    }

    private static void Expect(ref Utf8JsonReader json, JsonTokenType type)
    {
        Next(ref json);
        Require(ref json, type);
    }

    private static void Require(ref Utf8JsonReader json, JsonTokenType type)
    {
        if (json.TokenType != type) throw new InvalidDataException($"a row holds {json.TokenType} where {type} belongs");
    }
}
