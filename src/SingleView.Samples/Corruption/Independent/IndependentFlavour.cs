namespace SingleView.Samples.Corruption.Independent;

/// <summary>The kinds of unseen data the second generator imitates.</summary>
public enum IndependentFlavour
{
    /// <summary>UK feeds: UK postcodes, NHS-like numbers only partly filled, one system with a single full-name column.</summary>
    Uk,

    /// <summary>Historical registers: births centuries ago, titles written where a first name should be, nicknames.</summary>
    Historical,

    /// <summary>A small set with names, date of birth, town and e-mail only, where no value is frequent.</summary>
    FewColumns,
}

public static class IndependentFlavours
{
    /// <summary>The flavour's name as written on the command line and in benchmark sets: uk, historical, few-columns.</summary>
    public static string Name(IndependentFlavour flavour) => flavour switch
    {
        IndependentFlavour.Uk => "uk",
        IndependentFlavour.Historical => "historical",
        IndependentFlavour.FewColumns => "few-columns",
        _ => throw new ArgumentOutOfRangeException(nameof(flavour)),
    };

    public static IndependentFlavour Parse(string name) => name switch
    {
        "uk" => IndependentFlavour.Uk,
        "historical" => IndependentFlavour.Historical,
        "few-columns" => IndependentFlavour.FewColumns,
        _ => throw new ArgumentException($"'{name}' is not a flavour of the independent generator (uk, historical, few-columns)", nameof(name)),
    };
}
