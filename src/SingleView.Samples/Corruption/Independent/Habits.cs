using System.Text;

namespace SingleView.Samples.Corruption.Independent;

/// <summary>The habits that struck, counted over every record written: what the tests hold the generator to.</summary>
public sealed class HabitTally
{
    public int Records { get; internal set; }
    public int ReplacedFirstNames { get; internal set; }
    public int SwappedNames { get; internal set; }
    public int Truncations { get; internal set; }
    public int BlankedFields { get; internal set; }
    public int SeveralTypos { get; internal set; }
    public int SwappedDayMonth { get; internal set; }
    public int TitlesAsNames { get; internal set; }
    public int IdentifiersFilled { get; internal set; }
    public int IdentifiersLeftEmpty { get; internal set; }
}

/// <summary>One record's values on their way to a system's row: the true values, then the habits.</summary>
internal sealed class RecordValues
{
    public string? FirstName { get; set; }
    public string? MiddleName { get; set; }
    public string? FamilyName { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public string? Street { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }
    public string? NhsNumber { get; set; }
    public string? Email { get; set; }
}

/// <summary>
/// A different hand's habits from the project's generator (which makes one slip, never in the first
/// letter): whole first names replaced by what the person is called, first and family names swapped,
/// names cut to an initial or a few letters, a field left blank, two or three slips in one value (the
/// first letter included), day and month exchanged, and titles written as first names in old registers.
/// </summary>
internal sealed class Habits(Random random, HabitRates rates, HabitTally tally)
{
    private const string Vowels = "aeiou";
    private static readonly string[] SoundAlikes = ["ph:f", "ck:k", "ie:y", "ey:y", "th:t", "ou:ow", "ai:ay", "ll:l", "mm:m", "tt:t", "ss:s", "c:k"];

    public void Apply(RecordValues values, IndependentFlavour flavour, IReadOnlyList<string> blankable)
    {
        tally.Records++;
        if (Strikes(rates.ReplacedFirstName) && values.FirstName is { } first && Replacement(first, values.MiddleName) is { } replaced)
        {
            values.FirstName = replaced;
            tally.ReplacedFirstNames++;
        }

        if (flavour == IndependentFlavour.Historical && Strikes(0.06))
        {
            values.FirstName = IndependentNames.Titles[random.Next(IndependentNames.Titles.Length)];
            tally.TitlesAsNames++;
        }

        if (Strikes(rates.SwappedNames))
        {
            (values.FirstName, values.FamilyName) = (values.FamilyName, values.FirstName);
            tally.SwappedNames++;
        }

        if (Strikes(rates.Truncated))
        {
            if (random.Next(3) > 0 && values.FirstName is { Length: > 3 } given) values.FirstName = random.Next(2) == 0 ? given[..1] : given[..random.Next(2, 4)];
            else if (values.FamilyName is { Length: > 5 } family) values.FamilyName = family[..random.Next(3, family.Length - 1)];
            tally.Truncations++;
        }

        if (Strikes(rates.SeveralTypos))
        {
            if (random.Next(2) == 0 && values.FirstName is { Length: >= 4 } given) values.FirstName = Slips(given);
            else if (values.FamilyName is { Length: >= 4 } family) values.FamilyName = Slips(family);
            tally.SeveralTypos++;
        }

        if (Strikes(rates.SwappedDayMonth) && values.DateOfBirth is { } birth && birth.Day <= 12 && birth.Day != birth.Month)
        {
            values.DateOfBirth = new DateOnly(birth.Year, birth.Day, birth.Month);
            tally.SwappedDayMonth++;
        }

        if (blankable.Count > 0 && Strikes(rates.BlankedField))
        {
            Blank(values, blankable[random.Next(blankable.Count)]);
            tally.BlankedFields++;
        }
    }

    public bool Strikes(double rate) => random.NextDouble() < rate;

    // What the person is called instead: a nickname, or the middle name they go by.
    private string? Replacement(string first, string? middle)
    {
        var hasNickname = IndependentNames.Nicknames.TryGetValue(first, out var nicknames);
        if (middle is not null && (!hasNickname || random.Next(3) == 0)) return middle;
        return hasNickname ? nicknames![random.Next(nicknames.Length)] : null;
    }

    /// <summary>Two or three slips anywhere in the value, the first letter included.</summary>
    internal string Slips(string value)
    {
        var text = new StringBuilder(value);
        var count = random.Next(2, 4);
        for (var i = 0; i < count && text.Length >= 3; i++)
        {
            var position = random.Next(text.Length);
            switch (random.Next(5))
            {
                case 0: // a vowel for another
                    var vowel = Vowels.IndexOf(char.ToLowerInvariant(text[position]), StringComparison.Ordinal);
                    if (vowel >= 0) text[position] = Cased(Vowels[(vowel + random.Next(1, 5)) % 5], text[position]);
                    else text.Insert(position, Vowels[random.Next(5)]);
                    break;
                case 1: // a letter dropped
                    text.Remove(position, 1);
                    break;
                case 2: // a letter doubled
                    text.Insert(position, char.ToLowerInvariant(text[position]));
                    break;
                case 3 when position < text.Length - 1: // neighbours exchanged
                    (text[position], text[position + 1]) = (Cased(text[position + 1], text[position]), Cased(text[position], text[position + 1]));
                    break;
                default: // written as it sounds
                    var current = text.ToString();
                    var rule = SoundAlikes.Select(r => r.Split(':')).FirstOrDefault(r => current.Contains(r[0], StringComparison.OrdinalIgnoreCase));
                    if (rule is not null)
                    {
                        var at = current.IndexOf(rule[0], StringComparison.OrdinalIgnoreCase);
                        text.Remove(at, rule[0].Length).Insert(at, at == 0 ? char.ToUpperInvariant(rule[1][0]) + rule[1][1..] : rule[1]);
                    }
                    else
                    {
                        text.Remove(position, 1);
                    }

                    break;
            }
        }

        return text.Length == 0 ? value : text.ToString();
    }

    private static char Cased(char letter, char like) => char.IsUpper(like) ? char.ToUpperInvariant(letter) : char.ToLowerInvariant(letter);

    private static void Blank(RecordValues values, string field)
    {
        switch (field)
        {
            case "first_name": values.FirstName = null; break;
            case "family_name": values.FamilyName = null; break;
            case "date_of_birth": values.DateOfBirth = null; break;
            case "street": values.Street = null; break;
            case "town": values.Town = null; break;
            case "postcode": values.Postcode = null; break;
            case "email": values.Email = null; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "not a field a habit can blank");
        }
    }
}
