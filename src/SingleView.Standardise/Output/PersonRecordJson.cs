using System.Text.Json;
using SingleView.Core.Model;

namespace SingleView.Standardise.Output;

/// <summary>
/// Writes a <see cref="PersonRecord"/> exactly as <see cref="LakeJson.Options"/> would (snake_case
/// names in declaration order, nulls left out, enums by snake_case name, dates as yyyy-MM-dd), but
/// straight onto the writer with pre-encoded names: the serializer's converter pipeline was a quarter
/// of the ingest's CPU. The serializer stays the reader; a test holds the two forms byte for byte equal.
/// </summary>
internal static class PersonRecordJson
{
    private static readonly JsonEncodedText Key = Name("key"), Feed = Name("feed"), RecordId = Name("record_id"),
        SourceSystem = Name("source_system"), ExtractDate = Name("extract_date"), FirstName = Name("first_name"),
        MiddleNames = Name("middle_names"), FamilyName = Name("family_name"), DateOfBirth = Name("date_of_birth"),
        GenderName = Name("gender"), Address = Name("address"), PostcodeName = Name("postcode"),
        PostcodeInvalid = Name("postcode_invalid"), NhsNumber = Name("nhs_number"), Upn = Name("upn"),
        CasePersonId = Name("case_person_id"), Phone = Name("phone"), Email = Name("email"),
        SpecialEducationalNeeds = Name("special_educational_needs"), HouseholdKey = Name("household_key"),
        HouseholdRoleName = Name("household_role"), Restricted = Name("restricted"), Involvement = Name("involvement"),
        RawFile = Name("raw_file"), RawLine = Name("raw_line"), Warnings = Name("warnings"),
        ServiceName = Name("service"), Status = Name("status"), StartDate = Name("start_date"), EndDate = Name("end_date"),
        Nature = Name("nature"), Organisation = Name("organisation"), ContactName = Name("contact_name"),
        ContactRole = Name("contact_role"), ContactPhone = Name("contact_phone"), ContactEmail = Name("contact_email"),
        Details = Name("details");

    private static readonly JsonEncodedText[] Genders = EnumNames<Gender>();
    private static readonly JsonEncodedText[] HouseholdRoles = EnumNames<HouseholdRole>();
    private static readonly JsonEncodedText[] Services = EnumNames<Service>();
    private static readonly JsonEncodedText[] Statuses = EnumNames<InvolvementStatus>();

    public static void Write(Utf8JsonWriter json, PersonRecord record)
    {
        json.WriteStartObject();
        json.WriteStartObject(Key);
        json.WriteString(Feed, record.Key.Feed);
        json.WriteString(RecordId, record.Key.RecordId);
        json.WriteEndObject();
        json.WriteString(SourceSystem, record.SourceSystem);
        WriteDate(json, ExtractDate, record.ExtractDate);
        WriteOptional(json, FirstName, record.FirstName);
        WriteOptional(json, MiddleNames, record.MiddleNames);
        WriteOptional(json, FamilyName, record.FamilyName);
        if (record.DateOfBirth is { } dateOfBirth) WriteDate(json, DateOfBirth, dateOfBirth);
        json.WriteString(GenderName, Genders[(int)record.Gender]);
        WriteOptional(json, Address, record.Address);
        WriteOptional(json, PostcodeName, record.Postcode);
        json.WriteBoolean(PostcodeInvalid, record.PostcodeInvalid);
        WriteOptional(json, NhsNumber, record.NhsNumber);
        WriteOptional(json, Upn, record.Upn);
        WriteOptional(json, CasePersonId, record.CasePersonId);
        WriteOptional(json, Phone, record.Phone);
        WriteOptional(json, Email, record.Email);
        json.WriteBoolean(SpecialEducationalNeeds, record.SpecialEducationalNeeds);
        WriteOptional(json, HouseholdKey, record.HouseholdKey);
        json.WriteString(HouseholdRoleName, HouseholdRoles[(int)record.HouseholdRole]);
        json.WriteBoolean(Restricted, record.Restricted);
        if (record.Involvement is { } involvement) WriteInvolvement(json, involvement);
        WriteOptional(json, RawFile, record.RawFile);
        json.WriteNumber(RawLine, record.RawLine);
        json.WriteStartArray(Warnings);
        foreach (var warning in record.Warnings) json.WriteStringValue(warning);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteInvolvement(Utf8JsonWriter json, ServiceInvolvement involvement)
    {
        json.WriteStartObject(Involvement);
        json.WriteString(ServiceName, Services[(int)involvement.Service]);
        json.WriteString(Status, Statuses[(int)involvement.Status]);
        if (involvement.StartDate is { } start) WriteDate(json, StartDate, start);
        if (involvement.EndDate is { } end) WriteDate(json, EndDate, end);
        WriteOptional(json, Nature, involvement.Nature);
        WriteOptional(json, Organisation, involvement.Organisation);
        WriteOptional(json, ContactName, involvement.ContactName);
        WriteOptional(json, ContactRole, involvement.ContactRole);
        WriteOptional(json, ContactPhone, involvement.ContactPhone);
        WriteOptional(json, ContactEmail, involvement.ContactEmail);
        json.WriteStartObject(Details);
        foreach (var (name, value) in involvement.Details) json.WriteString(name, value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, JsonEncodedText name, string? value)
    {
        if (value is not null) json.WriteString(name, value);
    }

    // The serializer's DateOnly form: ISO 8601, four-digit year.
    private static void WriteDate(Utf8JsonWriter json, JsonEncodedText name, DateOnly date)
    {
        Span<byte> text = stackalloc byte[10];
        date.TryFormat(text, out var written, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        json.WriteString(name, text[..written]);
    }

    private static JsonEncodedText Name(string name) => JsonEncodedText.Encode(name);

    private static JsonEncodedText[] EnumNames<T>()
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var names = new JsonEncodedText[values.Max(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)) + 1];
        foreach (var value in values)
        {
            names[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] = Name(JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()));
        }

        return names;
    }
}
