using SingleView.Samples.Population;

namespace SingleView.Samples.Corruption;

/// <summary>
/// A person as one source row shows them: the truth after the feed's errors, before the feed's
/// own formatting (upper case, date formats, column layout) is applied.
/// </summary>
internal sealed record PersonView
{
    public string? FirstName { get; init; }
    public string? MiddleName { get; init; }
    public string? FamilyName { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public Sex? Sex { get; init; }
    public Address? Address { get; init; }
    public bool PostcodeMissing { get; init; }
    public string? NhsNumber { get; init; }
    public string? Upn { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }

    public string? AddressLine => Address?.OneLine;
    public string? Postcode => PostcodeMissing ? null : Address?.Postcode;
}
