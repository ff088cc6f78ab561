using System.Globalization;
using SingleView.Core.Text;
using SingleView.Samples.Corruption.Independent;
using SingleView.Samples.Tests.Support;

namespace SingleView.Samples.Tests.Corruption.Independent;

public class IndependentGeneratorTests
{
    private string folder = string.Empty;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("singleview-independent-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private IndependentSummary Generate(IndependentFlavour flavour, int people = 600, int seed = 3, string? into = null) =>
        IndependentGenerator.Generate(new IndependentOptions { Flavour = flavour, People = people, Seed = seed, OutputDirectory = into ?? Path.Combine(folder, "out") });

    private DelimitedFile Delivery(string feed) =>
        DelimitedFile.Read(Directory.GetFiles(Path.Combine(folder, "out", "drops", feed), "*.csv").Single(), ',');

    [Test]
    public void Generate_SameSeed_WritesIdenticalFiles()
    {
        var first = Generate(IndependentFlavour.Uk, into: Path.Combine(folder, "a"));
        var second = Generate(IndependentFlavour.Uk, into: Path.Combine(folder, "b"));

        first.Files.Count.ShouldBe(second.Files.Count);
        for (var i = 0; i < first.Files.Count; i++) File.ReadAllBytes(first.Files[i]).ShouldBe(File.ReadAllBytes(second.Files[i]), first.Files[i]);
    }

    [TestCase(IndependentFlavour.Uk, 3)]
    [TestCase(IndependentFlavour.Historical, 2)]
    [TestCase(IndependentFlavour.FewColumns, 2)]
    public void Generate_EachFlavour_WritesTwoOrThreeSystemsAndATruthRowForEveryRow(IndependentFlavour flavour, int systems)
    {
        var summary = Generate(flavour);

        summary.RowsPerFeed.Count.ShouldBe(systems);
        var truth = DelimitedFile.Read(Path.Combine(folder, "out", IndependentGenerator.TruthFileName), ',');
        truth.Rows.Count.ShouldBe(summary.RowsPerFeed.Values.Sum());
        foreach (var (feed, rows) in summary.RowsPerFeed)
        {
            var delivered = Delivery(feed).Column(Delivery(feed).Header[0]).ToHashSet();
            delivered.Count.ShouldBe(rows);
            truth.Rows.Where(r => r[0] == feed).Select(r => r[1]).ToHashSet().SetEquals(delivered).ShouldBeTrue(feed);
        }
    }

    [Test]
    public void Generate_Uk_TwinsFileListsPeopleOfOneHomeWithRowsInTheDeliveries()
    {
        var summary = Generate(IndependentFlavour.Uk, people: 1500);

        var twins = DelimitedFile.Read(Path.Combine(folder, "out", IndependentGenerator.TwinsFileName), ',');
        summary.TwinPairs.ShouldBeGreaterThan(10);
        twins.Rows.Count.ShouldBe(summary.TwinPairs);
        var family = DelimitedFile.Read(Path.Combine(folder, "out", IndependentGenerator.TruthFileName), ',').Rows
            .GroupBy(r => r[2]).ToDictionary(g => g.Key, g => g.First()[3]);
        foreach (var pair in twins.Rows.Where(p => family.ContainsKey(p[0]) && family.ContainsKey(p[1])))
        {
            pair[0].ShouldNotBe(pair[1]);
            family[pair[0]].ShouldBe(family[pair[1]]);
        }
    }

    [TestCase(IndependentFlavour.Uk)]
    [TestCase(IndependentFlavour.Historical)]
    [TestCase(IndependentFlavour.FewColumns)]
    public void Build_Twins_ShareBirthdayAndHomeWithReallyDifferentFirstNames(IndependentFlavour flavour)
    {
        var population = new IndependentPopulation(new IndependentOptions { Flavour = flavour, People = 3000, OutputDirectory = folder }, new Random(9));
        population.Build();
        var people = population.People.ToDictionary(p => p.Id);

        population.Twins.Count.ShouldBeGreaterThan(20);
        foreach (var (left, right) in population.Twins.Select(t => (people[t.Left], people[t.Right])))
        {
            left.DateOfBirth.ShouldBe(right.DateOfBirth);
            left.Household.ShouldBe(right.Household);
            left.FirstName[0].ShouldNotBe(right.FirstName[0]);
        }
    }

    [Test]
    public void Apply_SwappedNamesRate_SwapsFirstAndFamilyNamesInAboutThatShare()
    {
        var habits = OnlyHabit(None with { SwappedNames = 0.05 });

        var swapped = Enumerable.Range(0, 20_000).Count(_ =>
        {
            var values = new RecordValues { FirstName = "Harriet", FamilyName = "Ormerod" };
            habits.Apply(values, IndependentFlavour.Uk, []);
            return values.FirstName == "Ormerod" && values.FamilyName == "Harriet";
        });

        (swapped / 20_000.0).ShouldBeInRange(0.045, 0.055);
    }

    [Test]
    public void Apply_ReplacedFirstName_WritesANicknameOrTheMiddleNameNeverATypo()
    {
        var habits = OnlyHabit(None with { ReplacedFirstName = 1 });

        var names = Enumerable.Range(0, 500).Select(_ =>
        {
            var values = new RecordValues { FirstName = "Margaret", MiddleName = "Rose", FamilyName = "Lomax" };
            habits.Apply(values, IndependentFlavour.Uk, []);
            return values.FirstName;
        }).ToHashSet();

        names.ShouldBe(new HashSet<string?> { "Maggie", "Peggy", "Meg", "Rose" }, ignoreOrder: true);
    }

    [Test]
    public void Slips_SeveralTyposInOneValue_MostlyTwoEditsOrMoreAndSometimesTheFirstLetter()
    {
        var habits = OnlyHabit(None);
        var slipped = Enumerable.Range(0, 1000).Select(_ => habits.Slips("Wolstenholme")).ToList();

        slipped.Count(s => EditDistance.Between(s, "Wolstenholme") >= 2).ShouldBeGreaterThan(800);
        slipped.Count(s => s[0] != 'W').ShouldBeGreaterThan(20);
    }

    [Test]
    public void Apply_SwappedDayMonth_ExchangesOnlyWhereTheDayCouldBeAMonth()
    {
        var habits = OnlyHabit(None with { SwappedDayMonth = 1 });
        var early = new RecordValues { DateOfBirth = new DateOnly(2011, 4, 9) };
        var late = new RecordValues { DateOfBirth = new DateOnly(2011, 4, 23) };

        habits.Apply(early, IndependentFlavour.Uk, []);
        habits.Apply(late, IndependentFlavour.Uk, []);

        early.DateOfBirth.ShouldBe(new DateOnly(2011, 9, 4));
        late.DateOfBirth.ShouldBe(new DateOnly(2011, 4, 23));
    }

    [Test]
    public void Generate_Uk_OneSystemHasOnlyAFullNameColumnAndNhsNumbersArePartlyFilled()
    {
        Generate(IndependentFlavour.Uk);

        var council = Delivery("council");
        council.Header.ShouldContain("FullName");
        council.Header.ShouldNotContain("Forename");
        var surgery = Delivery("surgery");
        var filled = surgery.Column("NHSNumber").Count(v => v.Length == 10) / (double)surgery.Rows.Count;
        filled.ShouldBeInRange(0.6, 0.95);
        var postcodes = surgery.Column("Postcode").Where(p => p.Length > 0).ToList();
        postcodes.ShouldAllBe(p => System.Text.RegularExpressions.Regex.IsMatch(p, "^[A-Z]{1,2}[0-9]{1,2} [0-9][A-Z]{2}$"));
    }

    [Test]
    public void Generate_Historical_BirthsCenturiesAgoAndTitlesWrittenAsFirstNames()
    {
        var summary = Generate(IndependentFlavour.Historical);

        var parish = Delivery("parish");
        var years = parish.Column("Born").Where(b => b.Length > 0).Select(b => DateOnly.ParseExact(b, "d MMM yyyy", CultureInfo.InvariantCulture).Year).ToList();
        years.ShouldAllBe(y => y < 1901);
        years.Min().ShouldBeLessThan(1750);
        summary.Habits.TitlesAsNames.ShouldBeGreaterThan(0);
        parish.Column("Given").ShouldContain(g => g == "Widow" || g == "Mrs" || g == "Rev" || g == "Capt" || g == "Miss");
    }

    [Test]
    public void Generate_FewColumns_NamesBirthTownAndEmailOnlyWithNoFrequentValue()
    {
        Generate(IndependentFlavour.FewColumns, people: 400);

        var members = Delivery("members");
        members.Header.ShouldBe(["Id", "First", "Last", "Dob", "Town", "Email"]);
        foreach (var column in new[] { "First", "Last", "Town" })
        {
            var top = members.Column(column).Where(v => v.Length > 0).GroupBy(v => v).Max(g => g.Count());
            (top / (double)members.Rows.Count).ShouldBeLessThan(0.03, column);
        }
    }

    private static readonly HabitRates None = new()
    {
        ReplacedFirstName = 0, SwappedNames = 0, Truncated = 0, BlankedField = 0, SeveralTypos = 0, SwappedDayMonth = 0,
    };

    private static Habits OnlyHabit(HabitRates rates) => new(new Random(11), rates, new HabitTally());
}
