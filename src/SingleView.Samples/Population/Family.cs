namespace SingleView.Samples.Population;

/// <summary>A household: its parents or carers and children, where they live and where they lived before.</summary>
internal sealed class Family
{
    public required string FamilyId { get; init; }
    public required int Index { get; init; }
    public required NameCulture Culture { get; init; }
    public required IReadOnlyList<Person> Adults { get; init; }
    public required IReadOnlyList<Person> Children { get; init; }
    public required Address Address { get; init; }

    /// <summary>The address before a recent move; feeds that lag behind still hold it.</summary>
    public Address? PreviousAddress { get; init; }

    public DateOnly? MovedOn { get; init; }
    public required School PrimarySchool { get; init; }
    public required School SecondarySchool { get; init; }
    public required string GpPractice { get; init; }

    public IEnumerable<Person> Members => Adults.Concat(Children);
    public Person? Mother => Adults.FirstOrDefault(a => a.Role == FamilyRole.Mother);
}
