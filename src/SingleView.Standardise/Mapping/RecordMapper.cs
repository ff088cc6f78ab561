using SingleView.Core.Model;
using SingleView.Core.Standardisation;
using SingleView.Ingest.Definitions;
using SingleView.Standardise.Reading;

namespace SingleView.Standardise.Mapping;

/// <summary>
/// Maps one row of a delivery to the common model's values (a <see cref="MappedRow"/>, from which a
/// <see cref="PersonRecord"/> is made when the records are kept) with the Core standardisers. A value a
/// feed maps under <c>values.&lt;target&gt;</c> is translated before it is read. A row is rejected only
/// when it cannot be used safely (no record id, an impossible date of birth, nothing to identify the
/// person by); lesser problems are kept as warnings on the record.
/// </summary>
internal sealed class RecordMapper(FeedDefinition definition, DateOnly extractDate, string rawFile)
{
    private readonly MappingPlan plan = new(definition);
    private readonly MappedRow row = new(definition.Feed, definition.SourceSystem, extractDate, rawFile);

    // Household roles are a handful of words per feed, each parsed by splitting into words: remembered
    // (up to a bound, so a feed of free text cannot grow it without limit).
    private readonly Dictionary<string, HouseholdRole>.AlternateLookup<ReadOnlySpan<char>> householdRoles =
        new Dictionary<string, HouseholdRole>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    private (string? Raw, string? Postcode, bool Invalid) lastPostcode;
    private (string? Raw, string? Phone, string? Warning) lastContactPhone;
    private (string? Raw, string? Email, bool Valid) lastEmail;
    private (string? Raw, string? Email, bool Valid) lastContactEmail;
    private ColumnLayout? recordIdLayout;
    private int recordIdSlotOfLayout;

    /// <summary>Maps the row into <see cref="MappedRow"/>, the same instance for every row: use it before mapping the next.</summary>
    public MappingResult Map(DeliveryRow line)
    {
        var recordIdSlot = RecordIdSlot(line.Layout);
        var recordIdText = line.TextAt(recordIdSlot).Trim();
        if (recordIdText.IsEmpty) return MappingResult.Rejected($"the record id ({definition.RecordIdColumn}) is empty");
        var recordId = line.Intern(recordIdSlot, recordIdText);

        var cells = new TargetCells(plan, line);
        var warnings = row.Warnings;
        warnings.Clear();
        var dateOfBirth = DateOfBirthParser.ParseDateOfBirth(cells.Text(Targets.DateOfBirth), plan.DateOfBirthFormats, extractDate);
        if (dateOfBirth.IsProblem) return MappingResult.Rejected($"{StandardFields.DateOfBirth}: {dateOfBirth.Problem}");

        var (first, middle, family) = Names(cells, warnings);
        var nhsNumber = NhsNumberOf(cells.Text(Targets.NhsNumber), warnings);
        var upn = Identifier(cells[Targets.Upn], UniquePupilNumber.Normalise, UniquePupilNumber.IsValid, StandardFields.Upn, "unique pupil number", warnings);
        var casePersonId = cells[Targets.CasePersonId];
        if (first is null && family is null && nhsNumber is null && upn is null && casePersonId is null)
        {
            return MappingResult.Rejected("no name and no identifier: the person cannot be matched");
        }

        var (postcode, postcodeInvalid) = PostcodeOf(cells[Targets.Postcode]);
        if (postcodeInvalid) warnings.Add($"{StandardFields.Postcode}: '{postcode}' is not a valid UK postcode (kept as given)");

        row.RecordId = recordId;
        row.FirstName = first;
        row.MiddleNames = middle;
        row.FamilyName = family;
        row.DateOfBirth = dateOfBirth.Value;
        row.Gender = GenderCodes.Parse(cells.Text(Targets.Gender));
        row.Address = cells[Targets.Address];
        row.Postcode = postcode;
        row.PostcodeInvalid = postcodeInvalid;
        row.NhsNumber = nhsNumber;
        row.Upn = upn;
        row.CasePersonId = casePersonId;
        row.Phone = Phone(cells.Text(Targets.Phone), StandardFields.Phone, warnings);
        row.Email = Email(cells[Targets.Email], StandardFields.Email, warnings);
        row.SpecialEducationalNeeds = YesNo.IsYes(cells.Text(Targets.SpecialEducationalNeeds));
        row.HouseholdKey = cells[Targets.HouseholdKey];
        row.HouseholdRole = RoleOf(cells.Text(Targets.HouseholdRole));
        row.Restricted = YesNo.IsYes(cells.Text(Targets.Restricted));
        Involvement(cells, row);
        row.RawLine = line.LineNumber;
        return MappingResult.Accepted(row);
    }

    private HouseholdRole RoleOf(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) return Core.Model.HouseholdRole.Unknown;
        if (householdRoles.TryGetValue(value, out var role)) return role;
        var text = value.ToString();
        role = HouseholdRoles.Parse(text);
        if (householdRoles.Dictionary.Count < 1024) householdRoles.Dictionary[text] = role;
        return role;
    }

    // The record id's cell position, worked out once per layout (rows of a delivery share one).
    private int RecordIdSlot(ColumnLayout layout)
    {
        if (!ReferenceEquals(layout, recordIdLayout))
        {
            recordIdSlotOfLayout = layout.SlotOf(definition.RecordIdColumn);
            recordIdLayout = layout;
        }

        return recordIdSlotOfLayout;
    }

    // Names are kept as given (trimmed); one that had characters taken out to be shown says so.
    private static (string? First, string? Middle, string? Family) Names(TargetCells cells, List<string> warnings)
    {
        var (first, middle, family) = NameStandardiser.SplitFullName(cells[Targets.FullName], out var change);
        Warn(Targets.FullName, change, warnings);
        // Separate name columns, where a feed has them as well, are more precise than a split full name.
        return (
            Name(cells, Targets.FirstName, warnings) ?? first,
            Name(cells, Targets.MiddleNames, warnings) ?? middle,
            Name(cells, Targets.FamilyName, warnings) ?? family);
    }

    private static string? Name(TargetCells cells, int target, List<string> warnings)
    {
        var name = NameStandardiser.Standardise(cells[target], out var change);
        Warn(target, change, warnings);
        return name;
    }

    private static void Warn(int target, string? change, List<string> warnings)
    {
        if (change is not null) warnings.Add($"{Targets.Names[target]}: {change}");
    }

    private void Involvement(TargetCells cells, MappedRow row)
    {
        var warnings = row.Warnings;
        var start = Date(cells, Targets.InvolvementStartDate, plan.StartDateFormats, warnings);
        var end = Date(cells, Targets.InvolvementEndDate, plan.EndDateFormats, warnings);
        var statusText = cells.Text(Targets.InvolvementStatus);
        var status = InvolvementStatuses.Parse(statusText, end, extractDate);
        if (status is null)
        {
            status = InvolvementStatuses.Parse(default(ReadOnlySpan<char>), end, extractDate)!.Value;
            warnings.Add($"{TargetFields.InvolvementStatus}: '{statusText}' is not a known status; taken as {status} from the end date");
        }

        row.HasInvolvement = true;
        row.Service = definition.Service;
        row.Status = status.Value;
        row.StartDate = start;
        row.EndDate = end;
        row.Nature = cells[Targets.InvolvementNature];
        row.Organisation = cells[Targets.InvolvementOrganisation];
        row.ContactName = cells[Targets.InvolvementContactName];
        row.ContactRole = cells[Targets.InvolvementContactRole];
        row.ContactPhone = ContactPhone(cells.Text(Targets.InvolvementContactPhone), warnings);
        row.ContactEmail = Email(cells[Targets.InvolvementContactEmail], TargetFields.InvolvementContactEmail, warnings);
        Details(cells, row);
    }

    // The row's detail values are refilled in place; its names are the plan's.
    private void Details(TargetCells cells, MappedRow row)
    {
        if (row.Details.Length != plan.Details.Length) row.Details = new string?[plan.Details.Length];
        row.DetailNames = plan.DetailNames;
        var values = row.Details;
        for (var i = 0; i < values.Length; i++) values[i] = cells.Detail(i);
    }

    private static DateOnly? Date(TargetCells cells, int target, IReadOnlyList<string> formats, List<string> warnings)
    {
        var reading = DateOfBirthParser.Parse(cells.Text(target), formats);
        if (reading.IsProblem) warnings.Add($"{Targets.Names[target]}: {reading.Problem} (left empty)");
        return reading.Value;
    }

    // As Identifier, from the cell's characters: the digits are the only string made.
    private static string? NhsNumberOf(ReadOnlySpan<char> raw, List<string> warnings)
    {
        var value = NhsNumber.Normalise(raw);
        if (value is null || NhsNumber.IsValid(value)) return value;
        warnings.Add($"{StandardFields.NhsNumber}: '{raw}' is not a valid NHS number (left empty)");
        return null;
    }

    private static string? Identifier(string? raw, Func<string?, string?> normalise, Func<string?, bool> isValid, string field, string label, List<string> warnings)
    {
        var value = normalise(raw);
        if (value is null || isValid(value)) return value;
        warnings.Add($"{field}: '{raw}' is not a valid {label} (left empty)");
        return null;
    }

    // Core's rule (10 or 11 digits) plus the national form: a UK number starts with 0 once +44 or 0044 is
    // turned back into it; "1611234567" is more likely a number missing its first digit than a real one.
    // A worker's phone repeats on consecutive rows: the row before's answer (the same digits string, which
    // the zone writer then knows by reference) when the cell's characters are the same.
    private string? ContactPhone(ReadOnlySpan<char> raw, List<string> warnings)
    {
        if (lastContactPhone.Raw is { } lastRaw && raw.SequenceEqual(lastRaw))
        {
            if (lastContactPhone.Warning is { } warning) warnings.Add(warning);
            return lastContactPhone.Phone;
        }

        var count = warnings.Count;
        var phone = Phone(raw, TargetFields.InvolvementContactPhone, warnings);
        lastContactPhone = (raw.ToString(), phone, warnings.Count > count ? warnings[^1] : null);
        return phone;
    }

    private static string? Phone(ReadOnlySpan<char> raw, string field, List<string> warnings)
    {
        var phone = ContactDetails.NormalisePhone(raw);
        if (phone is null && raw.IsEmpty) return null;
        if (phone is not null && phone.StartsWith("0044", StringComparison.Ordinal)) phone = ContactDetails.NormalisePhone("+" + phone[2..]);
        if (ContactDetails.IsValidPhone(phone) && phone![0] == '0') return phone;
        warnings.Add($"{field}: '{raw}' is not a UK phone number (0 then 9 or 10 digits) (left empty)");
        return null;
    }

    // Household members come together, and a cell that repeats the row before's is the same string object
    // (RowCells): its standardised form is the row before's, without normalising and matching it again.
    private (string? Postcode, bool Invalid) PostcodeOf(string? raw)
    {
        if (raw is null || !ReferenceEquals(raw, lastPostcode.Raw))
        {
            var postcode = Postcode.Normalise(raw);
            lastPostcode = (raw, postcode, postcode is not null && !Postcode.IsValid(postcode));
        }

        return (lastPostcode.Postcode, lastPostcode.Invalid);
    }

    // As the postcode: a worker's address repeats on consecutive rows.
    private string? Email(string? raw, string field, List<string> warnings)
    {
        ref var last = ref field == StandardFields.Email ? ref lastEmail : ref lastContactEmail;
        if (raw is null || !ReferenceEquals(raw, last.Raw))
        {
            var normalised = ContactDetails.NormaliseEmail(raw);
            last = (raw, normalised, normalised is null || ContactDetails.IsValidEmail(normalised));
        }

        var email = last.Email;
        if (last.Valid) return email;
        warnings.Add($"{field}: '{raw}' is not a valid e-mail address (left empty)");
        return null;
    }
}
