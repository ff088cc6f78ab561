using SingleView.Samples.Tests.Support;

namespace SingleView.Samples.Tests;

public class SampleAuthorityGeneratorTests
{
    private static readonly string[] SmallRunFeeds = ["school", "lcs", "ehm", "police", "housing", "adult-social-care", "health", "youth-justice"];

    [Test]
    public void Generate_SameOptionsTwice_WritesByteIdenticalFiles()
    {
        var first = TemporaryDirectory();
        var second = TemporaryDirectory();
        try
        {
            var a = SampleAuthorityGenerator.Generate(SmallOptions(seed: 17, first));
            SampleAuthorityGenerator.Generate(SmallOptions(seed: 17, second));

            foreach (var file in a.FilesWritten)
            {
                var twin = Path.Combine(second, Path.GetRelativePath(Path.GetFullPath(first), file));
                File.ReadAllBytes(twin).ShouldBe(File.ReadAllBytes(file), $"{Path.GetFileName(file)} differs between two runs with the same seed");
            }
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    [Test]
    public void Generate_DifferentSeeds_WriteDifferentExtracts()
    {
        var first = TemporaryDirectory();
        var second = TemporaryDirectory();
        try
        {
            SampleAuthorityGenerator.Generate(SmallOptions(seed: 17, first));
            SampleAuthorityGenerator.Generate(SmallOptions(seed: 18, second));

            var relative = Path.Combine("drops", "school", "school_20250303.csv");
            File.ReadAllBytes(Path.Combine(second, relative)).ShouldNotBe(File.ReadAllBytes(Path.Combine(first, relative)));
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    [Test]
    public void Generate_Sample_WritesEveryFeedInTheDropLayoutAndTruth()
    {
        var files = GeneratedSample.Summary.FilesWritten;

        files.Count.ShouldBe(SmallRunFeeds.Length + 1);
        foreach (var feed in SmallRunFeeds) files.ShouldContain(Path.GetFullPath(GeneratedSample.ExtractPath(feed)));
        files.ShouldContain(Path.GetFullPath(Path.Combine(GeneratedSample.Options.OutputDirectory, "truth.csv")));
        files.ShouldAllBe(f => File.Exists(f));
    }

    [Test]
    public void Generate_Sample_WritesAtLeastSevenFeedsWithRows()
    {
        GeneratedSample.Summary.RowsPerFeed.Count(kv => kv.Value > 0).ShouldBeGreaterThanOrEqualTo(7);
    }

    [Test]
    public void Generate_Sample_HoldsExactlyTheRequestedChildren()
    {
        var summary = GeneratedSample.Summary;

        summary.Children.ShouldBe(GeneratedSample.Options.Children);
        summary.People.ShouldBe(summary.Children + summary.Adults);
        summary.Families.ShouldBeInRange(summary.Children / 4, summary.Children);
    }

    [Test]
    public void Generate_Sample_RowsPerFeedMatchTheFiles()
    {
        foreach (var (feed, rows) in GeneratedSample.Summary.RowsPerFeed)
        {
            GeneratedSample.Extract(feed).Rows.Count.ShouldBe(rows, feed);
        }
    }

    [Test]
    public void Generate_Truth_HasTheAgreedHeader()
    {
        var firstLine = File.ReadLines(Path.Combine(GeneratedSample.Options.OutputDirectory, "truth.csv")).First();

        firstLine.ShouldBe("feed,record_id,person_id,family_id");
    }

    [Test]
    public void Generate_Truth_NamesEveryExtractRowExactlyOnce()
    {
        var truth = GeneratedSample.Truth().Rows.Select(r => (Feed: r[0], RecordId: r[1])).ToList();
        var extractRows = GeneratedSample.Definitions
            .SelectMany(d => GeneratedSample.Extract(d.Feed).Column(d.RecordIdColumn).Select(id => (d.Feed, RecordId: id)))
            .ToList();

        truth.Distinct().Count().ShouldBe(truth.Count, "a record is named twice in truth.csv");
        extractRows.Distinct().Count().ShouldBe(extractRows.Count, "a record id repeats within a feed");
        truth.ToHashSet().SetEquals(extractRows).ShouldBeTrue();
    }

    [Test]
    public void Generate_Truth_EveryPersonBelongsToOneFamily()
    {
        var familiesByPerson = GeneratedSample.Truth().Rows.GroupBy(r => r[2]).Select(g => g.Select(r => r[3]).Distinct().Count());

        familiesByPerson.ShouldAllBe(count => count == 1);
    }

    [Test]
    public void Generate_Sample_HasTwinPairs()
    {
        GeneratedSample.Summary.TwinPairs.ShouldBeGreaterThan(0);
    }

    [Test]
    public void Generate_Twins_ShareSurnameAddressAndDateOfBirthWithDifferentFirstNames()
    {
        // Twins: two people of one family on the school roll with the same date of birth.
        var school = GeneratedSample.Extract("school");
        var personOf = TruthLookup("school");
        var id = school.IndexOf("roll_id");
        var pupils = school.Rows.Select(r => new
        {
            Person = personOf[r[id]],
            FirstName = r[school.IndexOf("legal_forename")],
            Surname = r[school.IndexOf("legal_surname")],
            Address = r[school.IndexOf("address")],
            DateOfBirth = r[school.IndexOf("date_of_birth")],
        }).ToList();

        var twins = pupils
            .GroupBy(p => (p.Person.FamilyId, p.DateOfBirth))
            .Where(g => g.Select(p => p.Person.PersonId).Distinct().Count() == 2)
            .ToList();

        twins.ShouldNotBeEmpty();
        // A row may carry a deliberate error (a hyphenated surname, an old address), so ask for one clean pair.
        twins.ShouldContain(g => g.Select(p => p.Surname).Distinct().Count() == 1
            && g.Select(p => p.Address).Distinct().Count() == 1
            && g.Select(p => p.FirstName).Distinct().Count() == 2);
    }

    [Test]
    public void Generate_Sample_HasDuplicateRecordsOfOnePersonWithinAFeed()
    {
        var duplicates = GeneratedSample.Truth().Rows
            .GroupBy(r => (Feed: r[0], Person: r[2]))
            .Where(g => g.Count() > 1)
            .ToList();

        GeneratedSample.Summary.CorruptionsOf("duplicate").ShouldBeGreaterThan(0);
        duplicates.ShouldNotBeEmpty();
    }

    [Test]
    public void Generate_Sample_HasDatesOfBirthInTheFutureForQuarantine()
    {
        var school = GeneratedSample.Extract("school");
        var future = school.Column("date_of_birth")
            .Where(d => d.Length > 0)
            .Count(d => DateOnly.ParseExact(d, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) > GeneratedSample.Options.ExtractDate);

        future.ShouldBeGreaterThan(0);
    }

    [Test]
    public void Generate_Progress_ReportsEachFeed()
    {
        var directory = TemporaryDirectory();
        try
        {
            var messages = new List<string>();
            SampleAuthorityGenerator.Generate(SmallOptions(seed: 3, directory), new SynchronousProgress(messages.Add));

            foreach (var feed in SmallRunFeeds) messages.ShouldContain(m => m.StartsWith(feed + ":", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    internal static Dictionary<string, (string PersonId, string FamilyId)> TruthLookup(string feed) =>
        GeneratedSample.Truth().Rows.Where(r => r[0] == feed).ToDictionary(r => r[1], r => (r[2], r[3]));

    private static SampleAuthorityOptions SmallOptions(int seed, string directory) =>
        new() { Children = 250, Seed = seed, OutputDirectory = directory, ExtractDate = new DateOnly(2025, 3, 3) };

    private static string TemporaryDirectory() =>
        Path.Combine(Path.GetTempPath(), "singleview-samples-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests need the messages before Generate returns.</summary>
    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
