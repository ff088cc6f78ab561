using SingleView.Core.Model;
using SingleView.Core.Standardisation;
using SingleView.Core.Text;
using SingleView.Serve.Access;
using SingleView.Serve.Data;
using SingleView.Serve.People;

namespace SingleView.Serve.Search;

/// <summary>
/// Finds people by name, date of birth and postcode (spelling may vary), or by one identifier. Candidates
/// come from Soundex codes and dates; <see cref="SearchScorer"/> ranks them; <see cref="AccessPolicy"/>
/// removes anyone the viewer may not find before anything is returned.
/// </summary>
internal sealed class PersonSearch(ServingReader reader, AccessPolicy access, NicknameIndex nicknames, TimeProvider timeProvider)
{
    public const int MaximumResults = 20;

    /// <summary>Enough candidates for common surnames; the ranking then keeps the best.</summary>
    private const int CandidateLimit = 2000;

    /// <summary>Results scoring less than this are noise (e.g. only the first name matched).</summary>
    private const double MinimumScore = 0.5;

    public async Task<SearchResponse> SearchAsync(Viewer viewer, SearchQuery query, CancellationToken cancellationToken)
    {
        // A field the role may not see cannot be searched on either: a match would reveal its value.
        if (!AccessPolicy.SeesField(viewer, StandardFields.Postcode)) query = query with { Postcode = null };
        await using var connection = ServingReader.ShareConnection();
        var withheld = await reader.WithheldValuesAsync(cancellationToken);
        var scored = query.Identifier is not null
            ? await ByIdentifierAsync(viewer, query.Identifier, cancellationToken)
            : await ByNameAsync(query, withheld, cancellationToken);
        var ranked = scored
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Person.FamilyNameKey, StringComparer.Ordinal)
            .ThenBy(s => s.Person.GoldenId, StringComparer.Ordinal)
            .ToList();
        var visible = (await access.VisiblePeopleAsync(viewer, ranked.Select(s => s.Person.GoldenId).ToList(), cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var allowed = ranked.Where(s => visible.Contains(s.Person.GoldenId)).ToList();
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var shown = allowed.Take(MaximumResults).ToList();
        // Name candidates carry only what scoring needs; the few shown are read in full.
        var full = query.Identifier is null
            ? (await reader.PeopleAsync(shown.Select(s => s.Person.GoldenId).ToList(), cancellationToken)).ToDictionary(p => p.GoldenId, StringComparer.Ordinal)
            : null;
        var results = shown
            .Select(s => ToResult(viewer, full is null ? s.Person : full[s.Person.GoldenId], s.Score, s.Reasons, today, withheld))
            .ToList();
        return new SearchResponse(results, results.Count, allowed.Count > MaximumResults);
    }

    private async Task<List<(PersonRow Person, double Score, IReadOnlyList<string> Reasons)>> ByNameAsync(SearchQuery query, WithheldValues withheld, CancellationToken cancellationToken)
    {
        var (first, family) = query.NameKeys();
        var names = new[] { first, family }.Where(k => k is not null).Select(k => k!).ToList();
        // "Bill" must find William: nicknames of a first name (or of a single word) are candidates too.
        if (first is not null) names.AddRange(nicknames.AliasesOf(first));
        var soundexes = names.Select(Soundex.Encode).Where(s => s.Length > 0).Distinct().ToList();
        var dates = new List<string>();
        if (query.DateOfBirth is { } dob)
        {
            dates.Add(DateInput.Iso(dob));
            if (DateInput.Swapped(dob) is { } swapped) dates.Add(DateInput.Iso(swapped));
        }

        var candidates = await reader.SearchCandidatesAsync(new SearchKeys(soundexes, dates, query.Postcode, TwoNames: first is not null && family is not null), CandidateLimit, cancellationToken);
        var scoring = ScoringQuery.Of(query);
        return candidates
            // A withheld postcode (a restricted person's home) must not be confirmed by a match or its reason.
            .Select(person => (Person: person, Scored: SearchScorer.Score(scoring, person, nicknames, postcodeWithheld: withheld.Mentions(person.Postcode))))
            .Where(c => c.Scored.Score >= MinimumScore)
            .Select(c => (c.Person, c.Scored.Score, c.Scored.Reasons))
            .ToList();
    }

    private async Task<List<(PersonRow Person, double Score, IReadOnlyList<string> Reasons)>> ByIdentifierAsync(Viewer viewer, string identifier, CancellationToken cancellationToken)
    {
        var nhsNumber = NhsNumber.Normalise(identifier);
        var matches = await reader.IdentifierMatchesAsync(
            AccessPolicy.SeesField(viewer, StandardFields.CasePersonId) ? identifier : null,
            nhsNumber is { Length: 10 } && AccessPolicy.SeesField(viewer, StandardFields.NhsNumber) ? nhsNumber : null,
            AccessPolicy.SeesField(viewer, StandardFields.Upn) ? UniquePupilNumber.Normalise(identifier) : null,
            cancellationToken);
        var reasonsById = matches
            .GroupBy(m => m.GoldenId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(m => IdentifierReason(m.Identifier)).Distinct().ToList(), StringComparer.Ordinal);
        var people = await reader.PeopleAsync(reasonsById.Keys, cancellationToken);
        return people.Select(p => (p, 1.0, reasonsById[p.GoldenId])).ToList();
    }

    private static string IdentifierReason(string identifier) => identifier switch
    {
        "nhs_number" => "NHS number exact",
        "upn" => "unique pupil number exact",
        _ => "case person ID exact",
    };

    private static SearchResult ToResult(Viewer viewer, PersonRow person, double score, IReadOnlyList<string> reasons, DateOnly today, WithheldValues withheld)
    {
        var dob = DateInput.FromIso(person.DateOfBirth);
        var restricted = person.Restricted != 0 || withheld.WithholdsHome(person.Address, person.Postcode);
        return new SearchResult(
            person.GoldenId,
            PersonNames.Full(person.FirstName, AccessPolicy.SeesField(viewer, StandardFields.MiddleNames) ? person.MiddleNames : null, person.FamilyName),
            person.DateOfBirth,
            dob is { } d ? PersonKinds.AgeOn(d, today) : null,
            person.Kind,
            restricted || !AccessPolicy.SeesField(viewer, StandardFields.Postcode) ? null : person.Postcode,
            restricted,
            score,
            reasons);
    }
}
