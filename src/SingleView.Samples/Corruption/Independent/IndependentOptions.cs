namespace SingleView.Samples.Corruption.Independent;

/// <summary>What the independent generator writes: how many true people, of which flavour, from which seed, where.</summary>
public sealed record IndependentOptions
{
    /// <summary>True people behind the records (each appears in one to three systems, sometimes twice in one). Default 2,000.</summary>
    public int People { get; init; } = 2_000;

    public IndependentFlavour Flavour { get; init; } = IndependentFlavour.Uk;

    /// <summary>Seed of every random choice: the same options give byte-identical files. Default 7.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Folder that receives <c>drops/</c>, <c>truth.csv</c> and <c>twins.csv</c>. Required.</summary>
    public string OutputDirectory { get; init; } = string.Empty;

    /// <summary>The date in each file name and the day ages are worked back from. Default 2026-11-20.</summary>
    public DateOnly ExtractDate { get; init; } = new(2026, 11, 20);

    /// <summary>How often each habit strikes; the defaults are the generator's own.</summary>
    public HabitRates Rates { get; init; } = new();

    public void Validate()
    {
        if (People < 10 || People > 500_000) throw new ArgumentException($"People must be between 10 and 500,000 (was {People}).", nameof(People));
        if (string.IsNullOrWhiteSpace(OutputDirectory)) throw new ArgumentException("OutputDirectory must name a folder.", nameof(OutputDirectory));
        Rates.Validate();
    }
}

/// <summary>
/// The chance, per record, that each habit strikes. These are a different hand's habits from the
/// project's own generator: whole first names replaced, names swapped, several slips in one value.
/// </summary>
public sealed record HabitRates
{
    /// <summary>The first name written as a nickname or a different name the person goes by. Default 0.10.</summary>
    public double ReplacedFirstName { get; init; } = 0.10;

    /// <summary>First and family names written in each other's fields. Default 0.05.</summary>
    public double SwappedNames { get; init; } = 0.05;

    /// <summary>A name cut short (initial, or the first few letters). Default 0.05.</summary>
    public double Truncated { get; init; } = 0.05;

    /// <summary>One field left empty. Default 0.08.</summary>
    public double BlankedField { get; init; } = 0.08;

    /// <summary>Two or three slips in one name (first letter included). Default 0.08.</summary>
    public double SeveralTypos { get; init; } = 0.08;

    /// <summary>Day and month of the date of birth exchanged (only where both could be a month). Default 0.04.</summary>
    public double SwappedDayMonth { get; init; } = 0.04;

    /// <summary>The share of records of a system that carries an identifier column which holds the identifier. Default 0.5.</summary>
    public double IdentifierFilled { get; init; } = 0.5;

    /// <summary>A household with two children born the same day (twins with different first names). Default 0.06.</summary>
    public double TwinHouseholds { get; init; } = 0.06;

    internal void Validate()
    {
        foreach (var (name, value) in new[]
        {
            (nameof(ReplacedFirstName), ReplacedFirstName), (nameof(SwappedNames), SwappedNames), (nameof(Truncated), Truncated),
            (nameof(BlankedField), BlankedField), (nameof(SeveralTypos), SeveralTypos), (nameof(SwappedDayMonth), SwappedDayMonth),
            (nameof(IdentifierFilled), IdentifierFilled), (nameof(TwinHouseholds), TwinHouseholds),
        })
        {
            if (value is < 0 or > 1 || double.IsNaN(value)) throw new ArgumentException($"{name} must be between 0 and 1 (was {value}).", name);
        }
    }
}
