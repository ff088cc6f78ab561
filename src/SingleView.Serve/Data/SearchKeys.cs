namespace SingleView.Serve.Data;

/// <summary>
/// What picks candidate rows for a search: Soundex codes of the names, dates of birth (ISO) and a postcode.
/// <paramref name="TwoNames"/>: the query gave a first and a family name, so people whose two names both
/// sound like one of the codes can be found through the two-column index first.
/// </summary>
internal sealed record SearchKeys(IReadOnlyList<string> Soundexes, IReadOnlyList<string> Dates, string? Postcode, bool TwoNames = false);
