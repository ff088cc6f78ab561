namespace SingleView.Samples;

/// <summary>
/// What to generate: how many children the synthetic authority holds, the seed that makes the run
/// repeatable, where to write, and the date every extract is stamped with.
/// </summary>
public sealed record SampleAuthorityOptions
{
    /// <summary>Upper bound that keeps the address gazetteer free of collisions; far above the benchmark's need.</summary>
    public const int MaximumChildren = 2_000_000;

    /// <summary>Children in the population (under 18, plus some 18–24 still living at home). Default 1,000.</summary>
    public int Children { get; init; } = 1_000;

    /// <summary>Seed of every random choice: the same options give byte-identical files. Default 20240601.</summary>
    public int Seed { get; init; } = 20240601;

    /// <summary>Folder that receives <c>drops/</c> and <c>truth.csv</c>. Default "samples".</summary>
    public string OutputDirectory { get; init; } = "samples";

    /// <summary>The date every extract is current as of, and the date in each file name. Default 2025-03-03.</summary>
    public DateOnly ExtractDate { get; init; } = new(2025, 3, 3);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option that cannot be used.</summary>
    public void Validate()
    {
        if (Children < 1)
        {
            throw new ArgumentException($"Children must be at least 1 (was {Children}).", nameof(Children));
        }

        if (Children > MaximumChildren)
        {
            throw new ArgumentException($"Children must be at most {MaximumChildren:N0} (was {Children:N0}).", nameof(Children));
        }

        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            throw new ArgumentException("OutputDirectory must name a folder.", nameof(OutputDirectory));
        }

        // Ages are worked back from the extract date; people born before 1900 or extracts far in the
        // future would make nonsense of them.
        if (ExtractDate.Year < 1990 || ExtractDate.Year > 2100)
        {
            throw new ArgumentException($"ExtractDate must be between 1990 and 2100 (was {ExtractDate:yyyy-MM-dd}).", nameof(ExtractDate));
        }
    }
}
