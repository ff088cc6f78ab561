namespace SingleView.Core.Model;

/// <summary>
/// A person as one source holds them, standardised into the common data model. Every field is
/// optional except the key: a feed carries whatever subset of person columns it has.
/// </summary>
public sealed record PersonRecord
{
    public required SourceRecordKey Key { get; init; }
    public required string SourceSystem { get; init; }
    public required DateOnly ExtractDate { get; init; }
    public string? FirstName { get; init; }
    public string? MiddleNames { get; init; }
    public string? FamilyName { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public Gender Gender { get; init; } = Gender.Unknown;
    public string? Address { get; init; }
    public string? Postcode { get; init; }
    /// <summary>True when the postcode is present but not a valid UK postcode (kept, not dropped).</summary>
    public bool PostcodeInvalid { get; init; }
    public string? NhsNumber { get; init; }
    public string? Upn { get; init; }
    public string? CasePersonId { get; init; }
    /// <summary>The town or city, where a feed has a column for it (FEBRL's suburb, a council's locality).</summary>
    public string? City { get; init; }
    /// <summary>
    /// Identifiers beyond NHS number, UPN and case id, each named by the feed (a police person id, a
    /// national insurance number): records of any feeds holding an identifier of the same name are compared on it.
    /// </summary>
    public IReadOnlyList<NamedIdentifier> Identifiers { get; init; } = [];
    public string? Phone { get; init; }
    public string? Email { get; init; }
    /// <summary>True when the source records special educational needs or disability.</summary>
    public bool SpecialEducationalNeeds { get; init; }
    /// <summary>The source's own grouping of people who live together (tenancy, family reference).</summary>
    public string? HouseholdKey { get; init; }
    public HouseholdRole HouseholdRole { get; init; } = HouseholdRole.Unknown;
    /// <summary>A restricted record (e.g. address suppressed to protect from an abuser).</summary>
    public bool Restricted { get; init; }
    public ServiceInvolvement? Involvement { get; init; }
    /// <summary>Where the row came from in the raw zone, so every value can be traced to its line.</summary>
    public string? RawFile { get; init; }
    public long RawLine { get; init; }
    /// <summary>Data-quality warnings raised while standardising (invalid NHS number, postcode...).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
