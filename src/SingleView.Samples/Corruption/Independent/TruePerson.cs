namespace SingleView.Samples.Corruption.Independent;

/// <summary>A household: one address (and postcode, where the flavour has them) shared by its people.</summary>
internal sealed record TrueHousehold(string Id, string FamilyName, string Street, string Town, string? Postcode);

/// <summary>A person as they really are; every record of them is written from this, with the habits of its system.</summary>
internal sealed record TruePerson(
    string Id,
    TrueHousehold Household,
    string FirstName,
    string? MiddleName,
    string FamilyName,
    DateOnly DateOfBirth,
    char Sex,
    string? NhsNumber,
    string? Email);
