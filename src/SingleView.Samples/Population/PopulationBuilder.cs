using System.Globalization;

namespace SingleView.Samples.Population;

/// <summary>
/// Builds the authority's households one at a time from a seeded <see cref="Random"/>, so that a
/// million-record run never holds more than one family in memory.
/// </summary>
internal sealed class PopulationBuilder
{
    /// <summary>The share of births that are twins (about 1 in 65 maternities in England and Wales).</summary>
    public const double TwinBirthShare = 0.015;

    private static readonly WeightedList<int> BirthsPerFamily = new([(1, 35), (2, 38), (3, 18), (4, 9)]);

    private static readonly string[] GpPractices =
    [
        "Mill Lane Surgery", "Northbrook Medical Centre", "Eastfield Health Centre", "Moorside Family Practice",
        "Westhaven Group Practice", "Kingsbridge Surgery", "Victoria Road Medical Practice", "The Park Surgery",
        "Castle Street Health Centre", "Riverside Medical Group",
    ];

    private readonly Random random;
    private readonly DateOnly extractDate;
    private readonly Gazetteer gazetteer;
    private readonly SchoolDirectory schools;
    private readonly IdentifierFactory identifiers;
    private int personCounter;

    public PopulationBuilder(SampleAuthorityOptions options)
    {
        random = new Random(options.Seed);
        extractDate = options.ExtractDate;
        TargetChildren = options.Children;
        var estimatedFamilies = options.Children / 2 + 1;
        gazetteer = new Gazetteer(estimatedFamilies * 2, random);
        schools = new SchoolDirectory(estimatedFamilies);
        identifiers = new IdentifierFactory(random);
    }

    public int TargetChildren { get; }
    public int Families { get; private set; }
    public int Children { get; private set; }
    public int Adults { get; private set; }
    public int TwinPairs { get; private set; }

    /// <summary>Households until the population holds exactly the requested number of children.</summary>
    public IEnumerable<Family> Build()
    {
        while (Children < TargetChildren)
        {
            yield return NextFamily(Families);
        }
    }

    private Family NextFamily(int index)
    {
        var familyId = string.Create(CultureInfo.InvariantCulture, $"F{index + 1:D6}");
        var culture = NameTables.Cultures.Pick(random);
        var structure = random.NextDouble() switch
        {
            < 0.57 => Structure.TwoParents,
            < 0.62 => Structure.MotherAndStepfather,
            < 0.96 => Structure.SingleMother,
            _ => Structure.SingleFather,
        };

        var births = PlanBirths(index, BirthsPerFamily.Pick(random), TargetChildren - Children);
        var surnames = PlanSurnames(culture, structure);
        var primary = schools.PickPrimary(random);
        var secondary = schools.PickSecondary(random);
        var children = new List<Person>();
        foreach (var birth in births)
        {
            if (birth.Twin)
            {
                AddTwins(children, familyId, culture, surnames, birth.DateOfBirth, primary);
                TwinPairs++;
            }
            else
            {
                children.Add(NewChild(familyId, culture, surnames, birth.DateOfBirth, PickSex(), firstName: null, primary, isTwin: false, children));
            }
        }

        var oldest = children.Min(c => c.DateOfBirth);
        var adults = NewAdults(familyId, culture, structure, surnames, oldest);
        var moved = random.NextDouble() < 0.12;
        Families++;
        Children += children.Count;
        Adults += adults.Count;
        return new Family
        {
            FamilyId = familyId,
            Index = index,
            Culture = culture,
            Adults = adults,
            Children = children,
            Address = gazetteer.AddressAt(2L * index),
            PreviousAddress = moved ? gazetteer.AddressAt(2L * index + 1) : null,
            MovedOn = moved ? extractDate.AddDays(-random.Next(30, 1100)) : null,
            PrimarySchool = primary,
            SecondarySchool = secondary,
            GpPractice = GpPractices[random.Next(GpPractices.Length)],
        };
    }

    private List<(DateOnly DateOfBirth, bool Twin)> PlanBirths(int familyIndex, int plannedBirths, int childrenLeft)
    {
        // The first family always has school-age twins, so that even the smallest sample holds the
        // classic dangerous case for matching.
        var forceTwins = familyIndex == 0 && childrenLeft >= 2;
        var ageDays = forceTwins ? random.Next(5 * 365, 10 * 365) : random.Next(0, 18 * 365);
        var births = new List<(DateOnly, bool)>();
        var children = 0;
        while (births.Count < plannedBirths && children < childrenLeft && ageDays < 25 * 365)
        {
            var twin = childrenLeft - children >= 2 && ((forceTwins && births.Count == 0) || random.NextDouble() < TwinBirthShare);
            births.Add((extractDate.AddDays(-ageDays), twin));
            children += twin ? 2 : 1;
            ageDays += random.Next(330, 1700);
        }

        return births;
    }

    private Surnames PlanSurnames(NameCulture culture, Structure structure)
    {
        var father = culture.Surnames.Pick(random);
        var mother = culture.Surnames.Pick(random);
        for (var attempt = 0; attempt < 5 && mother == father; attempt++) mother = culture.Surnames.Pick(random);
        switch (structure)
        {
            case Structure.TwoParents:
            {
                var roll = random.NextDouble();
                var motherName = roll < 0.75 ? father : roll < 0.93 ? mother : $"{mother}-{father}";
                var motherOther = motherName == father ? mother : motherName.Contains('-', StringComparison.Ordinal) ? mother : father;
                var childName = random.NextDouble() < 0.05 ? $"{father}-{mother}" : father;
                return new Surnames(motherName, motherOther, father, null, childName, childName == motherName ? null : mother);
            }

            case Structure.MotherAndStepfather:
                // The children keep their mother's (earlier) surname; her new partner is their stepfather.
                return new Surnames(mother, father, father, null, mother, father);
            case Structure.SingleMother:
            {
                var childName = random.NextDouble() < 0.72 ? mother : father;
                return new Surnames(mother, null, null, null, childName, childName == mother ? null : mother);
            }

            default:
                return new Surnames(null, null, father, null, father, mother);
        }
    }

    private void AddTwins(List<Person> children, string familyId, NameCulture culture, Surnames surnames, DateOnly dateOfBirth, School primary)
    {
        var pattern = random.Next(3);
        var firstSex = pattern == 1 ? Sex.Male : Sex.Female;
        var secondSex = pattern == 0 ? Sex.Female : Sex.Male;
        string? firstName = null;
        string? secondName = null;
        if (firstSex == secondSex && random.NextDouble() < 0.3)
        {
            (firstName, secondName) = TwinNames.Pick(firstSex, random);
        }

        var first = NewChild(familyId, culture, surnames, dateOfBirth, firstSex, firstName, primary, isTwin: true, children);
        children.Add(first);
        children.Add(NewChild(familyId, culture, surnames, dateOfBirth, secondSex, secondName, primary, isTwin: true, children));
    }

    private Person NewChild(
        string familyId,
        NameCulture culture,
        Surnames surnames,
        DateOnly dateOfBirth,
        Sex sex,
        string? firstName,
        School primary,
        bool isTwin,
        List<Person> siblings)
    {
        var names = sex == Sex.Female ? culture.Girls : culture.Boys;
        firstName ??= DistinctName(names, siblings.Select(s => s.FirstName));
        var age = SingleView.Core.Model.PersonKinds.AgeOn(dateOfBirth, extractDate);
        var senRoll = random.NextDouble();
        var sen = age < 3 ? SenStatus.None : senRoll < 0.03 ? SenStatus.EducationHealthCarePlan : senRoll < 0.15 ? SenStatus.Support : SenStatus.None;
        var child = new Person
        {
            PersonId = NextPersonId(),
            FamilyId = familyId,
            Role = FamilyRole.Child,
            Sex = sex,
            FirstName = firstName,
            MiddleName = MiddleName(names, firstName, culture.MiddleNameShare),
            FamilyName = surnames.Child,
            OtherFamilyName = surnames.ChildOther,
            DateOfBirth = dateOfBirth,
            NhsNumber = identifiers.NextNhsNumber(),
            Sen = sen,
            IsTwin = isTwin,
        };

        // A child gets a UPN when they first start school: the September after they turn four.
        var receptionYear = (dateOfBirth.Month >= 9 ? dateOfBirth.Year + 1 : dateOfBirth.Year) + 4;
        if (new DateOnly(receptionYear, 9, 1) <= extractDate) child.Upn = identifiers.NextUpn(primary, receptionYear);
        return child;
    }

    private List<Person> NewAdults(string familyId, NameCulture culture, Structure structure, Surnames surnames, DateOnly oldestChild)
    {
        var adults = new List<Person>();
        var motherAgeAtFirstBirth = 18 + random.Next(0, 18);
        var motherBirth = oldestChild.AddYears(-motherAgeAtFirstBirth).AddDays(-random.Next(0, 365));
        if (structure != Structure.SingleFather)
        {
            adults.Add(NewAdult(familyId, culture, FamilyRole.Mother, Sex.Female, surnames.Mother!, surnames.MotherOther, motherBirth));
        }

        if (structure is Structure.TwoParents or Structure.SingleFather or Structure.MotherAndStepfather)
        {
            var role = structure == Structure.MotherAndStepfather ? FamilyRole.Stepfather : FamilyRole.Father;
            var fatherBirth = motherBirth.AddDays(-random.Next(-3 * 365, 8 * 365));
            adults.Add(NewAdult(familyId, culture, role, Sex.Male, surnames.Father!, surnames.FatherOther, fatherBirth));
        }

        return adults;
    }

    private Person NewAdult(string familyId, NameCulture culture, FamilyRole role, Sex sex, string familyName, string? otherFamilyName, DateOnly dateOfBirth)
    {
        var names = sex == Sex.Female ? culture.Women : culture.Men;
        var firstName = names.Pick(random);
        return new Person
        {
            PersonId = NextPersonId(),
            FamilyId = familyId,
            Role = role,
            Sex = sex,
            FirstName = firstName,
            MiddleName = MiddleName(names, firstName, culture.MiddleNameShare * 0.7),
            FamilyName = familyName,
            OtherFamilyName = otherFamilyName,
            DateOfBirth = dateOfBirth,
            NhsNumber = identifiers.NextNhsNumber(),
            Phone = random.NextDouble() < 0.85 ? MobileNumber() : null,
            Email = random.NextDouble() < 0.6 ? EmailAddress(firstName, familyName) : null,
        };
    }

    private string DistinctName(WeightedList<string> names, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var name = names.Pick(random);
        for (var attempt = 0; attempt < 10 && used.Contains(name); attempt++) name = names.Pick(random);
        return name;
    }

    private string? MiddleName(WeightedList<string> names, string firstName, double share)
    {
        if (random.NextDouble() >= share) return null;
        var middle = names.Pick(random);
        return middle == firstName ? null : middle;
    }

    private Sex PickSex() => random.NextDouble() < 0.512 ? Sex.Male : Sex.Female;

    private string MobileNumber() =>
        string.Create(CultureInfo.InvariantCulture, $"07{random.Next(100, 1000):D3} {random.Next(0, 1_000_000):D6}");

    private string EmailAddress(string firstName, string familyName)
    {
        static string Letters(string text) => new(text.Where(char.IsAsciiLetter).Select(char.ToLowerInvariant).ToArray());
        var domain = random.Next(3) switch { 0 => "example.com", 1 => "example.org", _ => "example.net" };
        var number = random.NextDouble() < 0.5 ? random.Next(1, 99).ToString(CultureInfo.InvariantCulture) : string.Empty;
        return $"{Letters(firstName)}.{Letters(familyName)}{number}@{domain}";
    }

    private string NextPersonId() => string.Create(CultureInfo.InvariantCulture, $"P{++personCounter:D7}");

    private enum Structure
    {
        TwoParents,
        MotherAndStepfather,
        SingleMother,
        SingleFather,
    }

    /// <summary>Each member's surname and the other surname they may be recorded under.</summary>
    private sealed record Surnames(string? Mother, string? MotherOther, string? Father, string? FatherOther, string Child, string? ChildOther);
}
