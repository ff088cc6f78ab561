using System.Globalization;
using SingleView.Core.Text;
using SingleView.Serve.Data;

namespace SingleView.Serve.Search;

/// <summary>
/// Ranks one candidate against a query and says why in words a practitioner can check: names by
/// Jaro-Winkler of the match keys (and Soundex), date of birth exact or day/month swapped, postcode.
/// </summary>
internal static class SearchScorer
{
    private const double FamilyNameWeight = 0.35;
    private const double FirstNameWeight = 0.25;
    private const double DateOfBirthWeight = 0.3;
    private const double PostcodeWeight = 0.1;

    /// <summary>Below this a name does not count as similar at all.</summary>
    internal const double SimilarNameThreshold = 0.8;

    /// <summary>The score (0–1, share of what was asked that matched) and the reasons; a score of 0 means no match.</summary>
    public static (double Score, IReadOnlyList<string> Reasons) Score(SearchQuery query, PersonRow person, NicknameIndex? nicknames = null) =>
        Score(ScoringQuery.Of(query), person, nicknames);

    /// <summary>As above, with the query's keys worked out once for all the candidates of one search.</summary>
    internal static (double Score, IReadOnlyList<string> Reasons) Score(ScoringQuery query, PersonRow person, NicknameIndex? nicknames = null, bool postcodeWithheld = false)
    {
        nicknames ??= NicknameIndex.Empty;
        var reasons = new List<string>();
        double score = 0, asked = 0;
        var (first, family) = (query.First, query.Family);
        var personFirst = person.FirstNameKey ?? string.Empty;
        var personFamily = person.FamilyNameKey ?? string.Empty;
        if (family is not null)
        {
            asked += FamilyNameWeight + FirstNameWeight;
            score += FamilyNameWeight * Name("family name", family, query.FamilySoundex!, personFamily, reasons);
            score += FirstNameWeight * Name("first name", first!, query.FirstSoundex!, personFirst, reasons, nicknames);
        }
        else if (first is not null)
        {
            // One word: it may be either name; count the better of the two.
            asked += FamilyNameWeight + FirstNameWeight;
            var asFamily = new List<string>();
            var asFirst = new List<string>();
            var familyScore = Name("family name", first, query.FirstSoundex!, personFamily, asFamily);
            var firstScore = Name("first name", first, query.FirstSoundex!, personFirst, asFirst, nicknames);
            reasons.AddRange(familyScore >= firstScore ? asFamily : asFirst);
            score += (FamilyNameWeight + FirstNameWeight) * Math.Max(familyScore, firstScore);
        }

        if (query.DateOfBirth is { } dob)
        {
            asked += DateOfBirthWeight;
            score += DateOfBirthWeight * DateOfBirth(dob, query.SwappedDateOfBirth, DateInput.FromIso(person.DateOfBirth), reasons);
        }

        if (query.Postcode is { } postcode)
        {
            asked += PostcodeWeight;
            score += PostcodeWeight * (postcodeWithheld ? 0 : Postcode(postcode, query.PostcodeDistrict, person, reasons));
        }

        // A candidate that matched nothing asked for (e.g. only its Soundex collided) is not a result.
        return reasons.Count == 0 || asked == 0 ? (0, []) : (Math.Round(score / asked, 3), reasons);
    }

    private static double Name(string label, string wanted, string wantedSoundex, string held, List<string> reasons, NicknameIndex? nicknames = null)
    {
        if (wanted.Length == 0 || held.Length == 0) return 0;
        if (string.Equals(wanted, held, StringComparison.Ordinal))
        {
            reasons.Add($"{label} exact");
            return 1;
        }

        if (nicknames is not null && nicknames.AreAliases(wanted, held))
        {
            reasons.Add($"{label} {Capitalised(held)} is another form of {Capitalised(wanted)}");
            return 0.9;
        }

        // Double-barrelled names: "SMITH" against "SMITH JONES" is a match on one part.
        var heldParts = held.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (heldParts.Length > 1 && heldParts.Contains(wanted, StringComparer.Ordinal))
        {
            reasons.Add($"{label} is part of {Capitalised(held)}");
            return 0.9;
        }

        // Each part, then the whole name (for one word, the same thing twice, as before).
        var similarity = JaroWinkler.Similarity(wanted, held);
        var soundsLike = Soundex.Encode(held) == wantedSoundex;
        foreach (var part in heldParts)
        {
            similarity = Math.Max(similarity, JaroWinkler.Similarity(wanted, part));
            soundsLike = soundsLike || Soundex.Encode(part) == wantedSoundex;
        }

        if (soundsLike)
        {
            reasons.Add($"{label} sounds like {Capitalised(held)}");
            return Math.Max(similarity, 0.8);
        }

        if (similarity >= SimilarNameThreshold)
        {
            reasons.Add($"{label} similar to {Capitalised(held)} ({similarity.ToString("0.00", CultureInfo.InvariantCulture)})");
            return similarity;
        }

        return 0;
    }

    private static double DateOfBirth(DateOnly wanted, DateOnly? wantedSwapped, DateOnly? held, List<string> reasons)
    {
        if (held is not { } date) return 0;
        if (date == wanted)
        {
            reasons.Add("date of birth exact");
            return 1;
        }

        if (wantedSwapped == date)
        {
            reasons.Add("date of birth with day and month swapped");
            return 0.7;
        }

        if (date.Year == wanted.Year && date.Month == wanted.Month)
        {
            reasons.Add("date of birth in the same month");
            return 0.3;
        }

        return 0;
    }

    private static double Postcode(string wanted, string? district, PersonRow person, List<string> reasons)
    {
        // A restricted person's postcode is never shown, so it must not be revealed by a reason either.
        if (person.Restricted != 0 || person.Postcode is null) return 0;
        if (string.Equals(person.Postcode, wanted, StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add("postcode exact");
            return 1;
        }

        if (district is not null && string.Equals(Core.Standardisation.Postcode.District(person.Postcode), district, StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add("postcode in the same district");
            return 0.4;
        }

        return 0;
    }

    private static string Capitalised(string key) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(key.ToLowerInvariant());
}

/// <summary>What scoring needs of a query, worked out once per search rather than once per candidate.</summary>
internal sealed record ScoringQuery(
    string? First,
    string? Family,
    string? FirstSoundex,
    string? FamilySoundex,
    DateOnly? DateOfBirth,
    DateOnly? SwappedDateOfBirth,
    string? Postcode,
    string? PostcodeDistrict)
{
    public static ScoringQuery Of(SearchQuery query)
    {
        var (first, family) = query.NameKeys();
        return new ScoringQuery(
            first,
            family,
            first is null ? null : Soundex.Encode(first),
            family is null ? null : Soundex.Encode(family),
            query.DateOfBirth,
            query.DateOfBirth is { } dob ? DateInput.Swapped(dob) : null,
            query.Postcode,
            query.Postcode is null ? null : Core.Standardisation.Postcode.District(query.Postcode));
    }
}
