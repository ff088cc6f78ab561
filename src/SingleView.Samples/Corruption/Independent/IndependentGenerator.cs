using System.Globalization;
using System.Text;

namespace SingleView.Samples.Corruption.Independent;

/// <summary>What the independent generator wrote.</summary>
public sealed record IndependentSummary(
    int People, int TwinPairs, IReadOnlyDictionary<string, int> RowsPerFeed, IReadOnlyList<string> Files, HabitTally Habits);

/// <summary>
/// A second, independent corruption generator: the deliveries of two or three systems of a flavour
/// (<c>drops/&lt;feed&gt;/&lt;feed&gt;_yyyyMMdd.csv</c>), <c>truth.csv</c> (<c>feed,record_id,person_id,family_id</c>)
/// and <c>twins.csv</c> (pairs of people who are twins and must never merge). Its people, names and
/// habits are its own, not the project's generator's nor FEBRL's. The same options give the same files.
/// </summary>
public static class IndependentGenerator
{
    public const string TruthFileName = "truth.csv";
    public const string TwinsFileName = "twins.csv";

    private static readonly UTF8Encoding Utf8 = new(false);

    public static IndependentSummary Generate(IndependentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var random = new Random(options.Seed);
        var population = new IndependentPopulation(options, random);
        population.Build();
        var tally = new HabitTally();
        var habits = new Habits(random, options.Rates, tally);
        var systems = SourceSystem.For(options.Flavour, options.Rates, values => FullName(values, random));
        var stamp = options.ExtractDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var files = new List<string>();
        var rowsPerFeed = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var truthPath = Path.Combine(options.OutputDirectory, TruthFileName);
        Directory.CreateDirectory(options.OutputDirectory);
        using (var truth = new StreamWriter(truthPath, append: false, Utf8) { NewLine = "\n" })
        {
            truth.WriteLine("feed,record_id,person_id,family_id");
            foreach (var system in systems)
            {
                var rows = new List<(TruePerson Person, RecordValues Values)>();
                foreach (var person in population.People)
                {
                    if (!habits.Strikes(system.Coverage)) continue;
                    var copies = habits.Strikes(system.Duplicates) ? 2 : 1;
                    for (var copy = 0; copy < copies; copy++) rows.Add((person, Record(person, system, options.Flavour, habits, tally)));
                }

                // The order of a system's rows says nothing about who is who.
                random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
                var path = Path.Combine(options.OutputDirectory, "drops", system.Feed, $"{system.Feed}_{stamp}.csv");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using (var writer = new StreamWriter(path, append: false, Utf8) { NewLine = "\n" })
                {
                    writer.WriteLine(string.Join(',', system.Columns.Select(c => c.Header).Prepend(system.RecordIdHeader).Select(Cell)));
                    for (var i = 0; i < rows.Count; i++)
                    {
                        var recordId = string.Create(CultureInfo.InvariantCulture, $"{system.RecordIdPrefix}{i + 1:000000}");
                        writer.WriteLine(string.Join(',', system.Columns.Select(c => Cell(c.Value(rows[i].Values))).Prepend(recordId)));
                        truth.WriteLine($"{system.Feed},{recordId},{rows[i].Person.Id},{rows[i].Person.Household.Id}");
                    }
                }

                rowsPerFeed[system.Feed] = rows.Count;
                files.Add(path);
            }
        }

        files.Add(truthPath);
        var twinsPath = Path.Combine(options.OutputDirectory, TwinsFileName);
        File.WriteAllLines(twinsPath, population.Twins.Select(t => $"{t.Left},{t.Right}").Prepend("person_id,twin_person_id"), Utf8);
        files.Add(twinsPath);
        return new IndependentSummary(population.People.Count, population.Twins.Count, rowsPerFeed, files, tally);
    }

    private static RecordValues Record(TruePerson person, SourceSystem system, IndependentFlavour flavour, Habits habits, HabitTally tally)
    {
        var values = new RecordValues
        {
            FirstName = person.FirstName,
            MiddleName = person.MiddleName,
            FamilyName = person.FamilyName,
            DateOfBirth = person.DateOfBirth,
            Street = person.Household.Street.Length == 0 ? null : person.Household.Street,
            Town = person.Household.Town,
            Postcode = person.Household.Postcode,
            Email = person.Email,
        };
        if (system.IdentifierFilled > 0 && person.NhsNumber is not null)
        {
            if (habits.Strikes(system.IdentifierFilled))
            {
                values.NhsNumber = person.NhsNumber;
                tally.IdentifiersFilled++;
            }
            else
            {
                tally.IdentifiersLeftEmpty++;
            }
        }

        habits.Apply(values, flavour, system.Blankable);
        return values;
    }

    /// <summary>A single full-name column, as one system's clerks write it: "Forename Surname", "SURNAME, Forename" or with the middle name.</summary>
    private static string? FullName(RecordValues values, Random random)
    {
        string?[] parts = random.Next(4) switch
        {
            0 => [values.FamilyName?.ToUpperInvariant() + (values.FirstName is null ? string.Empty : ","), values.FirstName],
            1 => [values.FirstName, values.MiddleName, values.FamilyName],
            _ => [values.FirstName, values.FamilyName],
        };
        var text = string.Join(' ', parts.Where(p => !string.IsNullOrEmpty(p)));
        return text.Length == 0 ? null : text;
    }

    private static string Cell(string? value)
    {
        if (value is null) return string.Empty;
        return value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
