using SingleView.Cli.Tests.Support;
using SingleView.Tests.Shared;

namespace SingleView.Cli.Tests.Accuracy;

/// <summary>`bench accuracy` end to end on a tiny FEBRL-shaped set: the real refresh, every row counted.</summary>
public class BenchAccuracyCommandTests : CommandLineFixture
{
    // Person 1 three times (once with neither a name nor an identifier, which the refresh quarantines),
    // person 2 twice, person 3 once; FEBRL's columns, with its space after each comma.
    private const string Delivery = """
        rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id
        rec-1-org, harriet, ormerod, 7, mill lane, delmar, cleveland, 2119, sa, 19560409, 1804974
        rec-1-dup-0, harriet, ormerod, 7, mill lane, delmar, cleveland, 2119, sa, 19560409, 1804974
        rec-1-dup-1, , , 7, mill lane, delmar, cleveland, 2119, sa, 19560409,
        rec-2-org, idris, lomax, 177, well street, milton, marsden, 3165, nsw, 19080419, 6089216
        rec-2-dup-0, idris, lomax, 177, well street, milton, marsden, 3165, nsw, 19080419, 6089216
        rec-3-org, tamsin, nuttall, 12, brook side, bega flats, richlands, 4223, vic, 19151111, 5304218
        """;


    private string[] Arguments()
    {
        var sets = Path.Combine(Folder, "sets");
        var tiny = Directory.CreateDirectory(Path.Combine(sets, "tiny", "pipelines")).FullName;
        File.Copy(Path.Combine(RepositoryRoot.Path, "scripts", "bench", "accuracy", "febrl3", "pipelines", "febrl3.yaml"), Path.Combine(tiny, "tiny.yaml"));
        File.WriteAllText(Path.Combine(tiny, "tiny.yaml"), File.ReadAllText(Path.Combine(tiny, "tiny.yaml")).Replace("febrl3", "tiny", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(sets, "tiny", "set.yaml"), """
            name: tiny
            pipelines: pipelines
            deliveries:
              - feed: tiny
                source: tiny.csv
            truth:
              record_id_column: rec_id
              person_pattern: '^rec-(\d+)-'
            targets: {precision: 0.999, recall: 0.998, review_share: 0.5}
            """);
        var benchmarks = Directory.CreateDirectory(Path.Combine(Folder, "benchmarks")).FullName;
        File.WriteAllText(Path.Combine(benchmarks, "tiny.csv"), Delivery.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        return ["--config", RepositoryRoot.Config, "bench", "accuracy", "--definitions", sets, "--benchmarks", benchmarks, "--work", Path.Combine(Folder, "work")];
    }

    [Test]
    public async Task BenchAccuracy_UnpublishedRow_CountedAsMissedAndCheckExitsOne()
    {
        var (exit, output, _) = await RunAsync([.. Arguments(), "--check"]);

        exit.ShouldBe(1);
        var line = output.Split('\n').Single(l => l.StartsWith("tiny", StringComparison.Ordinal));
        line.ShouldContain("MISSED recall");
        // 6 rows, 1 never published; 4 true pairs, of which the quarantined row's 2 are lost.
        line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..4].ShouldBe(["6", "1", "4"]);
        output.ShouldContain("2 missed: 2 unpublished (1 rows)");
    }

    [Test]
    public async Task BenchAccuracy_NothingPublished_OneLineErrorAndExitOne()
    {
        var arguments = Arguments();
        File.WriteAllText(Path.Combine(Folder, "benchmarks", "tiny.csv"), "rec_id, given_name\nrec-1-org, harriet\n");

        var (exit, _, error) = await RunAsync(arguments);

        exit.ShouldBe(1);
        error.ShouldContain("warning: tiny: feed tiny Held");
        error.ShouldContain("error: tiny: nothing was published");
    }

    [Test]
    public async Task BenchAccuracy_WithoutCheck_ExitsZeroWhateverTheFigures()
    {
        var (exit, output, _) = await RunAsync(Arguments());

        exit.ShouldBe(0);
        output.ShouldContain("precision");
    }

    [Test]
    public async Task SamplesIndependent_Historical_WritesDeliveriesTruthAndTwinsAndSaysWhatHabitsStruck()
    {
        var output = Path.Combine(Folder, "historical");

        var (exit, text, _) = await RunAsync("samples", "independent", "--flavour", "historical", "--people", "300", "--out", output);

        exit.ShouldBe(0);
        File.Exists(Path.Combine(output, "truth.csv")).ShouldBeTrue();
        File.Exists(Path.Combine(output, "twins.csv")).ShouldBeTrue();
        Directory.GetFiles(Path.Combine(output, "drops", "parish"), "parish_20261120.csv").ShouldHaveSingleItem();
        text.ShouldContain("names swapped");
    }

    [Test]
    public async Task SamplesIndependent_UnknownFlavour_OneLineError()
    {
        var (exit, _, error) = await RunAsync("samples", "independent", "--flavour", "medieval", "--out", Path.Combine(Folder, "x"));

        exit.ShouldBe(2);
        error.ShouldContain("'medieval' is not a flavour");
    }
}
