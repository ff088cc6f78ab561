using System.Globalization;
using System.Text.Json;
using SingleView.Core.Model;

namespace SingleView.Standardise.Output;

/// <summary>
/// One <see cref="PersonRecord"/> as a row of the standardised zone in format version 2 (read in files
/// written before version 3; written only by tests): a JSON array
/// in <see cref="StandardisedFormat.RowFields"/> order, null for an absent value, the involvement's
/// fields all null when the record has none. Written straight onto the <see cref="Utf8JsonWriter"/>
/// and read straight off a <see cref="Utf8JsonReader"/>: no converters, no field names.
/// </summary>
internal static class PersonRecordRow
{
    private static readonly StandardisedFormat.EnumNames<Gender> Genders = StandardisedFormat.Genders;
    private static readonly StandardisedFormat.EnumNames<HouseholdRole> HouseholdRoles = StandardisedFormat.HouseholdRoles;
    private static readonly StandardisedFormat.EnumNames<Service> Services = StandardisedFormat.Services;
    private static readonly StandardisedFormat.EnumNames<InvolvementStatus> Statuses = StandardisedFormat.Statuses;

    public static void Write(Utf8JsonWriter json, PersonRecord record)
    {
        json.WriteStartArray();
        json.WriteStringValue(record.Key.RecordId);
        WriteOptional(json, record.FirstName);
        WriteOptional(json, record.MiddleNames);
        WriteOptional(json, record.FamilyName);
        WriteDate(json, record.DateOfBirth);
        json.WriteStringValue(Genders.Names[(int)record.Gender]);
        WriteOptional(json, record.Address);
        WriteOptional(json, record.Postcode);
        json.WriteBooleanValue(record.PostcodeInvalid);
        WriteOptional(json, record.NhsNumber);
        WriteOptional(json, record.Upn);
        WriteOptional(json, record.CasePersonId);
        WriteOptional(json, record.Phone);
        WriteOptional(json, record.Email);
        json.WriteBooleanValue(record.SpecialEducationalNeeds);
        WriteOptional(json, record.HouseholdKey);
        json.WriteStringValue(HouseholdRoles.Names[(int)record.HouseholdRole]);
        json.WriteBooleanValue(record.Restricted);
        WriteInvolvement(json, record.Involvement);
        json.WriteNumberValue(record.RawLine);
        json.WriteStartArray();
        foreach (var warning in record.Warnings) json.WriteStringValue(warning);
        json.WriteEndArray();
        json.WriteEndArray();
    }

    /// <summary>Reads one row (a whole line) back, with the delivery's shared values.</summary>
    public static PersonRecord Read(ReadOnlySpan<byte> line, StandardisedShared shared)
    {
        var json = new Utf8JsonReader(line);
        Expect(ref json, JsonTokenType.StartArray);
        var recordId = String(ref json) ?? throw new InvalidDataException("key.record_id: is empty");
        var firstName = String(ref json);
        var middleNames = String(ref json);
        var familyName = String(ref json);
        var dateOfBirth = Date(ref json);
        var gender = Genders.Parse(String(ref json), "gender");
        var address = String(ref json);
        var postcode = String(ref json);
        var postcodeInvalid = Boolean(ref json);
        var nhsNumber = String(ref json);
        var upn = String(ref json);
        var casePersonId = String(ref json);
        var phone = String(ref json);
        var email = String(ref json);
        var specialEducationalNeeds = Boolean(ref json);
        var householdKey = String(ref json);
        var householdRole = HouseholdRoles.Parse(String(ref json), "household_role");
        var restricted = Boolean(ref json);
        var involvement = ReadInvolvement(ref json);
        Expect(ref json, JsonTokenType.Number);
        var rawLine = json.GetInt64();
        var warnings = Strings(ref json);
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

    private static void WriteInvolvement(Utf8JsonWriter json, ServiceInvolvement? involvement)
    {
        if (involvement is null)
        {
            for (var i = 0; i < 11; i++) json.WriteNullValue();
            return;
        }

        json.WriteStringValue(Services.Names[(int)involvement.Service]);
        json.WriteStringValue(Statuses.Names[(int)involvement.Status]);
        WriteDate(json, involvement.StartDate);
        WriteDate(json, involvement.EndDate);
        WriteOptional(json, involvement.Nature);
        WriteOptional(json, involvement.Organisation);
        WriteOptional(json, involvement.ContactName);
        WriteOptional(json, involvement.ContactRole);
        WriteOptional(json, involvement.ContactPhone);
        WriteOptional(json, involvement.ContactEmail);
        json.WriteStartObject();
        foreach (var (name, value) in involvement.Details) json.WriteString(name, value);
        json.WriteEndObject();
    }

    private static ServiceInvolvement? ReadInvolvement(ref Utf8JsonReader json)
    {
        var service = String(ref json);
        if (service is null)
        {
            // The other ten are null too: the record has no involvement.
            for (var i = 0; i < 10; i++) Expect(ref json, JsonTokenType.Null);
            return null;
        }

        var status = Statuses.Parse(String(ref json), "involvement.status");
        var start = Date(ref json);
        var end = Date(ref json);
        var nature = String(ref json);
        var organisation = String(ref json);
        var contactName = String(ref json);
        var contactRole = String(ref json);
        var contactPhone = String(ref json);
        var contactEmail = String(ref json);
        Expect(ref json, JsonTokenType.StartObject);
        var details = new Dictionary<string, string>(StringComparer.Ordinal);
        while (Next(ref json) == JsonTokenType.PropertyName)
        {
            var name = json.GetString()!;
            details[name] = String(ref json) ?? throw new InvalidDataException($"involvement.details.{name}: is null");
        }

        return new ServiceInvolvement
        {
            Service = Services.Parse(service, "involvement.service"),
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

    private static void WriteOptional(Utf8JsonWriter json, string? value)
    {
        if (value is null) json.WriteNullValue();
        else json.WriteStringValue(value);
    }

    // ISO 8601 with a four-digit year, as version 1 (the serializer's DateOnly form) wrote dates.
    private static void WriteDate(Utf8JsonWriter json, DateOnly? date)
    {
        if (date is not { } value)
        {
            json.WriteNullValue();
            return;
        }

        // Digit by digit: the general formatter parsed the pattern again for each of several dates a row.
        Span<byte> text = stackalloc byte[10];
        var (year, month, day) = value;
        Digits(text[..4], year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), day);
        json.WriteStringValue(text);
    }

    // Zero-padded to the span's width, as "yyyy", "MM" and "dd" write them.
    private static void Digits(Span<byte> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private static DateOnly? Date(ref Utf8JsonReader json)
    {
        if (Next(ref json) == JsonTokenType.Null) return null;
        Require(ref json, JsonTokenType.String);
        return DateOnly.ParseExact(json.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static string? String(ref Utf8JsonReader json)
    {
        if (Next(ref json) == JsonTokenType.Null) return null;
        Require(ref json, JsonTokenType.String);
        return json.GetString();
    }

    private static bool Boolean(ref Utf8JsonReader json) => Next(ref json) switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        var other => throw new InvalidDataException($"a row holds {other} where true or false belongs"),
    };

    private static string[] Strings(ref Utf8JsonReader json)
    {
        Expect(ref json, JsonTokenType.StartArray);
        List<string>? strings = null;
        while (Next(ref json) == JsonTokenType.String) (strings ??= []).Add(json.GetString()!);
        Require(ref json, JsonTokenType.EndArray);
        return strings is null ? [] : [.. strings];
    }

    private static JsonTokenType Next(ref Utf8JsonReader json) =>
        json.Read() ? json.TokenType : throw new InvalidDataException("a row ends early");

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
