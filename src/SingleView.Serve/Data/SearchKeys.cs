namespace SingleView.Serve.Data;

/// <summary>What picks candidate rows for a search: Soundex codes of the names, dates of birth (ISO) and a postcode.</summary>
internal sealed record SearchKeys(IReadOnlyList<string> Soundexes, IReadOnlyList<string> Dates, string? Postcode);
