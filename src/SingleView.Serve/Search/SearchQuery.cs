using SingleView.Core.Standardisation;

namespace SingleView.Serve.Search;

/// <summary>A search as entered, checked: a name, a date of birth and a postcode, or one identifier.</summary>
internal sealed record SearchQuery(string? Name, DateOnly? DateOfBirth, string? Postcode, string? Identifier)
{
    public bool IsEmpty => Name is null && DateOfBirth is null && Postcode is null && Identifier is null;

    /// <summary>The query, or the problems to show beside the fields (field name → message).</summary>
    public static (SearchQuery? Query, IReadOnlyDictionary<string, string> Errors) From(string? name, string? dob, string? postcode, string? id)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        DateOnly? dateOfBirth = null;
        if (!string.IsNullOrWhiteSpace(dob))
        {
            if (DateInput.TryParse(dob, out var parsed)) dateOfBirth = parsed;
            else errors["dob"] = "Enter the date of birth as day/month/year, for example 27/03/2012";
        }

        var query = new SearchQuery(
            string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
            dateOfBirth,
            Core.Standardisation.Postcode.Normalise(postcode),
            string.IsNullOrWhiteSpace(id) ? null : id.Trim());
        if (errors.Count == 0 && query.IsEmpty) errors["name"] = "Enter a name, a date of birth, a postcode or an identifier";
        return (errors.Count == 0 ? query : null, errors);
    }

    /// <summary>First and family name keys: "Smith, John" or "John Paul Smith"; one word may be either name.</summary>
    internal (string? First, string? Family) NameKeys()
    {
        if (Name is null) return (null, null);
        var (first, _, family) = NameStandardiser.SplitFullName(Name);
        var firstKey = NameStandardiser.MatchKey(first);
        var familyKey = NameStandardiser.MatchKey(family);
        return (firstKey.Length == 0 ? null : firstKey, familyKey.Length == 0 ? null : familyKey);
    }
}
