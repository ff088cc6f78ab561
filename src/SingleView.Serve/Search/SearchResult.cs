namespace SingleView.Serve.Search;

/// <summary>One person found, with what the view may show of them and why they matched.</summary>
internal sealed record SearchResult(
    string GoldenId,
    string Name,
    string? DateOfBirth,
    int? Age,
    string Kind,
    string? Postcode,
    bool AddressWithheld,
    double Score,
    IReadOnlyList<string> Reasons);

/// <summary>The answer to a search: at most <see cref="PersonSearch.MaximumResults"/> people, best first.</summary>
internal sealed record SearchResponse(IReadOnlyList<SearchResult> Results, int Shown, bool MoreNotShown);
