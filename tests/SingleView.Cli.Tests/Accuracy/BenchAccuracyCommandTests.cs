using SingleView.Cli.Tests.Support;
using SingleView.Tests.Shared;

namespace SingleView.Cli.Tests.Accuracy;

/// <summary>`bench accuracy` end to end on a tiny FEBRL-shaped set: the real refresh, every row counted.</summary>
public class BenchAccuracyCommandTests : CommandLineFixture
{
    // Person 1 three times (one with a date of birth no calendar has, which the refresh quarantines today),
    // person 2 twice, person 3 once; headers and cells with FEBRL's space after each comma.
    private const string Delivery = """
        rec_id, given_name, surname, address_1, postcode, date_of_birth
        rec-1-org, harriet, ormerod, mill lane, 2119, 19560409
        rec-1-dup-0, harriet, ormerod, mill lane, 2119, 19560409
        rec-1-dup-1, harriet, ormerod, mill lane, 2119, 19560493
        rec-2-org, idris, lomax, well street, 3165, 19080419
        rec-2-dup-0, idris, lomax, well street, 3165, 19080419
        rec-3-org, tamsin, nuttall, brook side, 4223, 19151111
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
    public async Task BenchAccuracy_QuarantinedRow_CountedAsMissedAndCheckExitsOne()
    {
        var (exit, output, _) = await RunAsync([.. Arguments(), "--check"]);

        exit.ShouldBe(1);
        var line = output.Split('\n').Single(l => l.StartsWith("tiny", StringComparison.Ordinal));
        line.ShouldContain("MISSED recall");
        // 6 rows, 1 never published; 4 true pairs, of which the quarantined row's 2 are lost.
        line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..4].ShouldBe(["6", "1", "4"]);
        output.ShouldContain("2 of 2 missed pairs have a record that was never published");
    }

    [Test]
    public async Task BenchAccuracy_WithoutCheck_ExitsZeroWhateverTheFigures()
    {
        var (exit, output, _) = await RunAsync(Arguments());

        exit.ShouldBe(0);
        output.ShouldContain("precision");
    }
}
