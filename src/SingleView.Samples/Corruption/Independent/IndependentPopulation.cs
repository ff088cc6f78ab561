using System.Globalization;

namespace SingleView.Samples.Corruption.Independent;

/// <summary>
/// The true people of a flavour: households of one to five people sharing an address, some with twins
/// (two children born the same day at the same home, with different real first names).
/// </summary>
internal sealed class IndependentPopulation
{
    private readonly IndependentOptions options;
    private readonly Random random;
    private readonly HashSet<string> usedNhsNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> fewColumnsUses = new(StringComparer.Ordinal);
    private int nextHouseholdNumber;

    public IndependentPopulation(IndependentOptions options, Random random)
    {
        this.options = options;
        this.random = random;
    }

    public List<TruePerson> People { get; } = [];

    /// <summary>Pairs of person ids that are twins and must never be merged.</summary>
    public List<(string Left, string Right)> Twins { get; } = [];

    public void Build()
    {
        while (People.Count < options.People)
        {
            var household = NewHousehold();
            var adults = random.Next(1, 3);
            for (var i = 0; i < adults && People.Count < options.People; i++) AddPerson(household, AdultBirth(), i == 0 ? 'F' : 'M', email: true);
            var children = random.Next(0, 4);
            for (var i = 0; i < children && People.Count < options.People; i++) AddPerson(household, ChildBirth(), random.Next(2) == 0 ? 'F' : 'M', email: random.NextDouble() < 0.3);
            if (People.Count + 2 <= options.People && random.NextDouble() < options.Rates.TwinHouseholds) AddTwins(household);
        }
    }

    private void AddTwins(TrueHousehold household)
    {
        var birth = ChildBirth();
        var first = AddPerson(household, birth, random.Next(2) == 0 ? 'F' : 'M', email: false);
        var sex = random.Next(2) == 0 ? 'F' : 'M';
        // Really different names: another first letter, not a nickname of the other, not a truncation of it.
        string name;
        do name = FirstNameFor(sex);
        while (name[0] == first.FirstName[0] || SameName(name, first.FirstName));
        var second = AddPerson(household, birth, sex, email: false, firstName: name);
        Twins.Add((first.Id, second.Id));
    }

    private static bool SameName(string left, string right) =>
        (IndependentNames.Nicknames.TryGetValue(left, out var a) && a.Contains(right))
        || (IndependentNames.Nicknames.TryGetValue(right, out var b) && b.Contains(left));

    private TruePerson AddPerson(TrueHousehold household, DateOnly birth, char sex, bool email, string? firstName = null)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"T{People.Count + 1:000000}");
        firstName ??= FirstNameFor(sex);
        var middle = random.NextDouble() < 0.5 ? FirstNameFor(sex) : null;
        if (middle == firstName) middle = null;
        var nhs = options.Flavour == IndependentFlavour.Uk ? NhsNumber() : null;
        var address = email || options.Flavour == IndependentFlavour.FewColumns
            ? string.Create(CultureInfo.InvariantCulture, $"{Lower(firstName)}.{Lower(household.FamilyName)}{random.Next(1, 999)}@{Pick(IndependentNames.EmailDomains)}")
            : null;
        var person = new TruePerson(id, household, firstName, middle, household.FamilyName, birth, sex, nhs, address);
        People.Add(person);
        return person;
    }

    private static string Lower(string name) => new(name.ToLowerInvariant().Where(char.IsAsciiLetter).ToArray());

    private TrueHousehold NewHousehold()
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"H{++nextHouseholdNumber:00000}");
        var number = random.Next(1, 240).ToString(CultureInfo.InvariantCulture);
        return options.Flavour switch
        {
            IndependentFlavour.Uk => UkHousehold(id, number),
            IndependentFlavour.Historical => new TrueHousehold(id, Pick(IndependentNames.HistoricalFamily), $"{number} {Pick(IndependentNames.Streets)}", Pick(IndependentNames.HistoricalParishes), null),
            _ => new TrueHousehold(id, FewColumnsName(IndependentNames.FamilyStems, IndependentNames.FamilyEndings), string.Empty, FewColumnsTown(), null),
        };
    }

    private TrueHousehold UkHousehold(string id, string number)
    {
        var (town, area) = Pick(IndependentNames.UkTowns);
        const string UnitLetters = "ABDEFGHJLNPQRSTUWXYZ";
        var postcode = string.Create(CultureInfo.InvariantCulture,
            $"{area}{random.Next(1, 20)} {random.Next(0, 10)}{UnitLetters[random.Next(UnitLetters.Length)]}{UnitLetters[random.Next(UnitLetters.Length)]}");
        return new TrueHousehold(id, Pick(IndependentNames.ModernFamily), $"{number} {Pick(IndependentNames.Streets)}", town, postcode);
    }

    private string FirstNameFor(char sex) => options.Flavour switch
    {
        IndependentFlavour.Uk => Pick(sex == 'F' ? IndependentNames.ModernFemale : IndependentNames.ModernMale),
        IndependentFlavour.Historical => Pick(sex == 'F' ? IndependentNames.HistoricalFemale : IndependentNames.HistoricalMale),
        _ => FewColumnsName(IndependentNames.FirstSyllables, IndependentNames.FirstEndings),
    };

    // Each syllable name is used at most twice, so no value is frequent enough to say anything.
    private string FewColumnsName(string[] stems, string[] endings)
    {
        for (var attempt = 0; ; attempt++)
        {
            var name = Pick(stems) + Pick(endings);
            var uses = fewColumnsUses.GetValueOrDefault(name);
            if (uses < 2 || attempt > 50)
            {
                fewColumnsUses[name] = uses + 1;
                return name;
            }
        }
    }

    private string FewColumnsTown()
    {
        var prefix = random.Next(3) switch { 0 => "Upper ", 1 => "Nether ", _ => string.Empty };
        return prefix + Pick(IndependentNames.TownStems) + Pick(IndependentNames.TownEndings);
    }

    private DateOnly AdultBirth() => options.Flavour == IndependentFlavour.Historical
        ? new DateOnly(random.Next(1650, 1880), 1, 1).AddDays(random.Next(365))
        : options.ExtractDate.AddDays(-random.Next(19 * 365, 70 * 365));

    private DateOnly ChildBirth() => options.Flavour == IndependentFlavour.Historical
        ? new DateOnly(random.Next(1680, 1900), 1, 1).AddDays(random.Next(365))
        : options.ExtractDate.AddDays(-random.Next(30, 18 * 365));

    /// <summary>Ten digits whose last is the NHS modulus-11 check digit, each number used once.</summary>
    private string NhsNumber()
    {
        while (true)
        {
            var digits = new int[9];
            for (var i = 0; i < 9; i++) digits[i] = random.Next(i == 0 ? 4 : 0, 10);
            var sum = 0;
            for (var i = 0; i < 9; i++) sum += digits[i] * (10 - i);
            var check = 11 - (sum % 11);
            if (check == 10) continue;
            if (check == 11) check = 0;
            var number = string.Concat(digits.Select(d => d.ToString(CultureInfo.InvariantCulture))) + check.ToString(CultureInfo.InvariantCulture);
            if (usedNhsNumbers.Add(number)) return number;
        }
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
