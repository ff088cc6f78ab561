namespace SingleView.Core.Model;

/// <summary>
/// The brief's definition: a child is under 18, or under 25 with special educational needs or
/// disability; everyone else with a known date of birth is an adult.
/// </summary>
public enum PersonKind
{
    Unknown,
    Child,
    Adult,
}

public static class PersonKinds
{
    public static PersonKind Of(DateOnly? dateOfBirth, bool specialEducationalNeeds, DateOnly today)
    {
        if (dateOfBirth is not { } dob) return PersonKind.Unknown;
        var age = AgeOn(dob, today);
        return age < 18 || (specialEducationalNeeds && age < 25) ? PersonKind.Child : PersonKind.Adult;
    }

    public static int AgeOn(DateOnly dateOfBirth, DateOnly today)
    {
        var age = today.Year - dateOfBirth.Year;
        if (today < dateOfBirth.AddYears(age)) age--;
        return age;
    }
}
