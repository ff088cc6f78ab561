namespace SingleView.Samples.Population;

internal enum Sex
{
    Female,
    Male,
}

/// <summary>A person's place in their household, from which each feed words its own relationship.</summary>
internal enum FamilyRole
{
    Mother,
    Father,
    Stepfather,
    Child,
}

/// <summary>Special educational needs as the school census records them.</summary>
internal enum SenStatus
{
    None,
    Support,
    EducationHealthCarePlan,
}

/// <summary>One real person of the synthetic authority: the truth that the extracts describe imperfectly.</summary>
internal sealed class Person
{
    public required string PersonId { get; init; }
    public required string FamilyId { get; init; }
    public required FamilyRole Role { get; init; }
    public required Sex Sex { get; init; }
    public required string FirstName { get; init; }
    public string? MiddleName { get; init; }
    public required string FamilyName { get; init; }

    /// <summary>Another surname the person is known by (a maiden name, the other parent's surname).</summary>
    public string? OtherFamilyName { get; init; }

    public required DateOnly DateOfBirth { get; init; }
    public required string NhsNumber { get; init; }
    public string? Upn { get; set; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public SenStatus Sen { get; init; }
    public bool IsTwin { get; init; }

    public bool IsChild => Role == FamilyRole.Child;
    public bool IsParent => !IsChild;

    public int AgeOn(DateOnly date) => SingleView.Core.Model.PersonKinds.AgeOn(DateOfBirth, date);
}
