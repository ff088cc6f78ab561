using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SingleView.Cli.Tests.Ingest;

/// <summary>
/// Kills the real <c>singleview ingest</c> process at points all through ingest, runs it again, and
/// checks the lake is exactly what one clean run leaves: no row lost, none duplicated, nothing half-written.
/// </summary>
public class KillAndRerunTests
{
    private const int Rows = 60_000;
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "singleview.dll");

    private string folder = string.Empty;
    private string pipelines = string.Empty;
    private string drops = string.Empty;

    [OneTimeSetUp]
    public void GenerateDelivery()
    {
        folder = Directory.CreateTempSubdirectory("singleview-kill-").FullName;
        pipelines = Directory.CreateDirectory(Path.Combine(folder, "pipelines")).FullName;
        drops = Path.Combine(folder, "drops");
        File.WriteAllText(Path.Combine(pipelines, "big.yaml"), Definition("big"));
        File.WriteAllText(Path.Combine(pipelines, "small.yaml"), Definition("small"));
        WriteDelivery(Path.Combine(drops, "big", "big_20261120.csv"), Rows);
        WriteDelivery(Path.Combine(drops, "small", "small_20261120.csv"), 500);
    }

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private static IEnumerable<TestCaseData> KillPoints()
    {
        yield return new TestCaseData("raw temporary file", (Func<string, bool>)(lake => Any(lake, "raw", "*.tmp"))).SetArgDisplayNames("raw file being copied");
        yield return new TestCaseData("raw manifest", (Func<string, bool>)(lake => Any(lake, "raw", "*.manifest.json"))).SetArgDisplayNames("raw manifest written");
        yield return new TestCaseData("standardised temporary file", (Func<string, bool>)(lake => Any(lake, "standardised", "*.tmp"))).SetArgDisplayNames("standardising started");
        yield return new TestCaseData("standardised half way", (Func<string, bool>)(lake => Size(lake, "standardised", "*.tmp") > 400_000)).SetArgDisplayNames("standardising half way");
        yield return new TestCaseData("quarantine committed", (Func<string, bool>)(lake => Any(lake, "quarantine", "big*.quarantine.jsonl"))).SetArgDisplayNames("quarantine committed");
        yield return new TestCaseData("standardised committed", (Func<string, bool>)(lake => Any(lake, "standardised", "big*.jsonl.gz"))).SetArgDisplayNames("standardised committed");
    }

    [TestCaseSource(nameof(KillPoints))]
    public async Task Ingest_KilledAtAPointAndRunAgain_LeavesTheLakeOfOneCleanRun(string point, Func<string, bool> reached)
    {
        var clean = await CleanListingAsync();
        var data = Path.Combine(folder, "killed-" + point.Replace(' ', '-'));

        (await RunUntilAsync(data, reached)).ShouldBeTrue($"the run ended before the {point}");
        (await RunAsync(data)).ShouldBe(0);

        LakeListing.Of(Path.Combine(data, "lake")).ShouldBe(clean);
    }

    [Test]
    public async Task Ingest_KilledAgainAndAgainAfterLongerDelaysThenRunToTheEnd_LeavesTheLakeOfOneCleanRun()
    {
        var clean = await CleanListingAsync();
        var data = Path.Combine(folder, "killed-repeatedly");

        foreach (var milliseconds in new[] { 150, 300, 600, 1000, 1500, 2100 })
        {
            var watch = Stopwatch.StartNew();
            await RunUntilAsync(data, _ => watch.ElapsedMilliseconds >= milliseconds);
        }

        (await RunAsync(data)).ShouldBe(0);
        LakeListing.Of(Path.Combine(data, "lake")).ShouldBe(clean);
    }

    private IReadOnlyList<string>? cleanListing;

    private async Task<IReadOnlyList<string>> CleanListingAsync()
    {
        if (cleanListing is not null) return cleanListing;
        var data = Path.Combine(folder, "clean");
        (await RunAsync(data)).ShouldBe(0);
        cleanListing = LakeListing.Of(Path.Combine(data, "lake"));
        cleanListing.ShouldContain(line => line.StartsWith("standardised/big/2026-11-20/big_20261120.csv.jsonl.gz ", StringComparison.Ordinal));
        cleanListing.ShouldContain(line => line.StartsWith("quarantine/big/2026-11-20/", StringComparison.Ordinal));
        return cleanListing;
    }

    private Process Start(string data)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Dll, "ingest", "--data", data, "--pipelines", pipelines, "--drops", drops }) start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<int> RunAsync(string data)
    {
        using var process = Start(data);
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return process.ExitCode;
    }

    // Kills the process (SIGKILL: no clean-up code runs) as soon as the lake reaches the point; false if it ended first.
    private async Task<bool> RunUntilAsync(string data, Func<string, bool> reached)
    {
        var lake = Path.Combine(data, "lake");
        using var process = Start(data);
        while (!process.HasExited && !reached(lake)) await Task.Delay(2);
        var killed = !process.HasExited;
        if (killed) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        return killed;
    }

    private static bool Any(string lake, string zone, string pattern) =>
        Directory.Exists(Path.Combine(lake, zone)) && Directory.EnumerateFiles(Path.Combine(lake, zone), pattern, SearchOption.AllDirectories).Any();

    private static long Size(string lake, string zone, string pattern) =>
        Directory.Exists(Path.Combine(lake, zone))
            ? Directory.EnumerateFiles(Path.Combine(lake, zone), pattern, SearchOption.AllDirectories).Sum(SafeLength)
            : 0;

    private static long SafeLength(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }

    private static string Definition(string feed) => $$"""
        feed: {{feed}}
        source_system: Generated
        service: childrens_social_care
        transport: { drop_folder: {{feed}}, file_pattern: "{{feed}}_*.csv" }
        format: { date_formats: ["dd/MM/yyyy"] }
        record_id: Id
        required_columns: [Id, Surname]
        columns:
          first_name: Forename
          family_name: Surname
          date_of_birth: DOB
          postcode: Postcode
          phone: Phone
          involvement.status: Status
        governance: { legal_basis: Children Act 1989, sharing_agreement: ISA-1, data_owner: DCS, retention_days: 3650 }
        """;

    // Every 97th row has no name (and the feed no identifier), so the quarantine has rows too; every
    // 89th an impossible date of birth, kept with the date left empty and a warning.
    private static void WriteDelivery(string path, int rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("Id,Forename,Surname,DOB,Postcode,Phone,Status\r\n");
        for (var i = 1; i <= rows; i++)
        {
            var dob = i % 89 == 0 ? "31/02/2015" : $"{1 + (i % 28):00}/{1 + (i % 12):00}/{1990 + (i % 30)}";
            var (forename, surname) = i % 97 == 0 ? (string.Empty, string.Empty) : ($"Ann{i % 500}", $"Smith{i % 700}");
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"P{i:0000000},{forename},{surname},{dob},M1 1AE,0161 123 {i % 10000:0000},Open\r\n"));
        }
    }
}
