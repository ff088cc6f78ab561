using SingleView.Core.Model;

namespace SingleView.Standardise.Mapping;

/// <summary>
/// One row mapped to the common model's values, before (or instead of) becoming a <see cref="PersonRecord"/>.
/// The mapper fills the same instance for every row: the zone file is often a row's only reader (a standalone
/// ingest, <c>bench ingest</c>), and building the record, its key, involvement, details and warnings for each
/// row only to write them cost about a sixth of standardising. A <see cref="PersonRecord"/> is made from it
/// only when the records are kept (<see cref="ToPersonRecord"/>). Valid until the next row is mapped into it.
/// </summary>
/// <param name="feed">The delivery's feed: it and the other shared values are the same for every row.</param>
internal sealed class MappedRow(string feed, string sourceSystem, DateOnly extractDate, string? rawFile)
{
    private static readonly string[] NoNames = [];
    private static readonly NamedIdentifier[] NoIdentifiers = [];

    public string RecordId = "";
    public string? FirstName;
    public string? MiddleNames;
    public string? FamilyName;
    public DateOnly? DateOfBirth;
    public Gender Gender;
    public string? Address;
    public string? Postcode;
    public bool PostcodeInvalid;
    public string? NhsNumber;
    public string? Upn;
    public string? CasePersonId;
    public string? City;

    /// <summary>The row's named identifiers, those it has a value for (a shared empty array for none).</summary>
    public NamedIdentifier[] Identifiers = NoIdentifiers;
    public string? Phone;
    public string? Email;
    public bool SpecialEducationalNeeds;
    public string? HouseholdKey;
    public HouseholdRole HouseholdRole;
    public bool Restricted;

    /// <summary>False for a record without an involvement: the involvement's values below are then unused.</summary>
    public bool HasInvolvement;
    public Service Service;
    public InvolvementStatus Status;
    public DateOnly? StartDate;
    public DateOnly? EndDate;
    public string? Nature;
    public string? Organisation;
    public string? ContactName;
    public string? ContactRole;
    public string? ContactPhone;
    public string? ContactEmail;

    /// <summary>The details' names and, at the same positions, this row's values (null where it has none).</summary>
    public string[] DetailNames = NoNames;
    public string?[] Details = NoNames;

    public long RawLine;
    public readonly List<string> Warnings = [];

    /// <summary>The record this row stands for (it shares nothing that the next row changes).</summary>
    public PersonRecord ToPersonRecord() => new()
    {
        Key = new SourceRecordKey(feed, RecordId),
        SourceSystem = sourceSystem,
        ExtractDate = extractDate,
        FirstName = FirstName,
        MiddleNames = MiddleNames,
        FamilyName = FamilyName,
        DateOfBirth = DateOfBirth,
        Gender = Gender,
        Address = Address,
        Postcode = Postcode,
        PostcodeInvalid = PostcodeInvalid,
        NhsNumber = NhsNumber,
        Upn = Upn,
        CasePersonId = CasePersonId,
        City = City,
        Identifiers = Identifiers,
        Phone = Phone,
        Email = Email,
        SpecialEducationalNeeds = SpecialEducationalNeeds,
        HouseholdKey = HouseholdKey,
        HouseholdRole = HouseholdRole,
        Restricted = Restricted,
        Involvement = HasInvolvement ? Involvement() : null,
        RawFile = rawFile,
        RawLine = RawLine,
        Warnings = Warnings.Count == 0 ? [] : Warnings.ToArray(),
    };

    /// <summary>Fills this row from a record (the zone writes every row from here).</summary>
    public void Fill(PersonRecord record)
    {
        RecordId = record.Key.RecordId;
        FirstName = record.FirstName;
        MiddleNames = record.MiddleNames;
        FamilyName = record.FamilyName;
        DateOfBirth = record.DateOfBirth;
        Gender = record.Gender;
        Address = record.Address;
        Postcode = record.Postcode;
        PostcodeInvalid = record.PostcodeInvalid;
        NhsNumber = record.NhsNumber;
        Upn = record.Upn;
        CasePersonId = record.CasePersonId;
        City = record.City;
        Identifiers = record.Identifiers.Count == 0 ? NoIdentifiers : [.. record.Identifiers];
        Phone = record.Phone;
        Email = record.Email;
        SpecialEducationalNeeds = record.SpecialEducationalNeeds;
        HouseholdKey = record.HouseholdKey;
        HouseholdRole = record.HouseholdRole;
        Restricted = record.Restricted;
        RawLine = record.RawLine;
        Warnings.Clear();
        Warnings.AddRange(record.Warnings);
        HasInvolvement = record.Involvement is not null;
        if (record.Involvement is not { } involvement) return;
        Service = involvement.Service;
        Status = involvement.Status;
        StartDate = involvement.StartDate;
        EndDate = involvement.EndDate;
        Nature = involvement.Nature;
        Organisation = involvement.Organisation;
        ContactName = involvement.ContactName;
        ContactRole = involvement.ContactRole;
        ContactPhone = involvement.ContactPhone;
        ContactEmail = involvement.ContactEmail;
        // In the order the record enumerates them, which is the order they are written.
        DetailNames = new string[involvement.Details.Count];
        Details = new string?[involvement.Details.Count];
        var at = 0;
        foreach (var (name, value) in involvement.Details)
        {
            DetailNames[at] = name;
            Details[at++] = value;
        }
    }

    private ServiceInvolvement Involvement() => new()
    {
        Service = Service,
        Status = Status,
        StartDate = StartDate,
        EndDate = EndDate,
        Nature = Nature,
        Organisation = Organisation,
        ContactName = ContactName,
        ContactRole = ContactRole,
        ContactPhone = ContactPhone,
        ContactEmail = ContactEmail,
        // The values are the row's buffer, refilled for the next row: the record takes a copy.
        Details = new DetailValues(DetailNames, [.. Details]),
    };
}
