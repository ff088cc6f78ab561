using System.Security.Cryptography;
using System.Text.Json;
using SingleView.Ingest.Transport;
using SingleView.Ingest.Zones;

namespace SingleView.Ingest.Tests.Zones;

public class LakeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 2, 30, 0, TimeSpan.Zero);
    private const string Extract = "PersonID,Forename,Surname\r\n1,Ann,Smith\r\n2,\"Bob\nJr\",Jones\r\n";

    private TemporaryFolder folder = null!;
    private Lake lake = null!;
    private DropFolderTransport transport = null!;

    [SetUp]
    public void SetUp()
    {
        folder = new TemporaryFolder();
        lake = new Lake(folder.Combine("lake"));
        transport = new DropFolderTransport(folder.Combine("drop"));
    }

    [TearDown]
    public void TearDown() => folder.Dispose();

    [Test]
    public async Task LandAsync_NewFile_CopiesItExactlyIntoTheRawZoneByDeliveryDate()
    {
        var dropped = folder.Write("drop/lcs/lcs_20261120.csv", Extract);

        var result = await LandAllAsync();

        var expected = Path.Combine(folder.Path, "lake", "raw", "lcs", "2026-11-20", "lcs_20261120.csv");
        result.Single().Delivery.Path.ShouldBe(expected);
        File.ReadAllBytes(expected).ShouldBe(File.ReadAllBytes(dropped));
    }

    [Test]
    public async Task LandAsync_NewFile_WritesManifestWithHashBytesRowsReceivedAtAndOrigin()
    {
        var dropped = folder.Write("drop/lcs/lcs_20261120.csv", Extract);

        await LandAllAsync();

        var manifestPath = Path.Combine(folder.Path, "lake", "raw", "lcs", "2026-11-20", "lcs_20261120.csv.manifest.json");
        using var manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
        var root = manifest.RootElement;
        root.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(dropped))));
        root.GetProperty("bytes").GetInt64().ShouldBe(new FileInfo(dropped).Length);
        root.GetProperty("rows").GetInt64().ShouldBe(2);
        root.GetProperty("received_at").GetDateTimeOffset().ShouldBe(Now);
        root.GetProperty("origin_path").GetString().ShouldBe(dropped);
    }

    [Test]
    public async Task LandAsync_SameContentAgain_IsRecognisedAndNotLandedTwice()
    {
        folder.Write("drop/lcs/lcs_20261120.csv", Extract);
        await LandAllAsync();
        folder.Write("drop/lcs/lcs_20261121.csv", Extract);

        var second = await LandAllAsync();

        second.ShouldAllBe(r => !r.NewlyLanded);
        lake.RawDeliveries("lcs").Count.ShouldBe(1);
    }

    [Test]
    public async Task LandAsync_Landed_LeavesNoTemporaryFileInTheLake()
    {
        folder.Write("drop/lcs/lcs_20261120.csv", Extract);

        await LandAllAsync();

        Directory.EnumerateFiles(lake.Root, "*", SearchOption.AllDirectories).ShouldNotContain(f => f.EndsWith(AtomicFile.TemporarySuffix));
    }

    [Test]
    public async Task LandAsync_Landed_LeavesTheFileInTheDropFolder()
    {
        var dropped = folder.Write("drop/lcs/lcs_20261120.csv", Extract);

        await LandAllAsync();

        File.Exists(dropped).ShouldBeTrue();
    }

    [Test]
    public async Task LandAsync_SameNameDifferentContentSameDay_KeepsBothFiles()
    {
        folder.Write("drop/lcs/lcs_20261120.csv", Extract);
        await LandAllAsync();
        folder.Write("drop/lcs/lcs_20261120.csv", Extract + "3,Cat,Brown\r\n");

        await LandAllAsync();

        lake.RawDeliveries("lcs").Select(d => d.FileName).ShouldBe(["lcs_20261120.csv", "lcs_20261120~2.csv"]);
    }

    [Test]
    public async Task LandAsync_SameSizeDifferentContent_IsLandedWithItsOwnHash()
    {
        folder.Write("drop/lcs/lcs_20261120.csv", Extract);
        await LandAllAsync();
        var sameSize = folder.Write("drop/lcs/lcs_20261121.csv", Extract.Replace("Ann", "Amy", StringComparison.Ordinal));

        await LandAllAsync();

        var landed = lake.RawDeliveries("lcs");
        landed.Count.ShouldBe(2);
        landed[1].Manifest.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(sameSize))));
    }

    [Test]
    public void RawDeliveries_FileWithoutManifest_IsNotALandedDelivery()
    {
        var half = Path.Combine(lake.RawFolder("lcs", new DateOnly(2026, 11, 20)), "lcs_20261120.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(half)!);
        File.WriteAllText(half, Extract);

        lake.RawDeliveries("lcs").ShouldBeEmpty();
    }

    [Test]
    public void StandardisedDeliveries_SeveralDates_AreOrderedOldestFirst()
    {
        foreach (var date in new[] { new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 19) })
        {
            var path = lake.StandardisedPath("lcs", date, $"lcs_{date:yyyyMMdd}.csv");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, string.Empty);
        }

        lake.StandardisedDeliveries("lcs").Select(d => d.DeliveryDate).ShouldBe([new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 21)]);
    }

    private async Task<List<LandingResult>> LandAllAsync()
    {
        var definition = TestFeeds.Definition();
        var results = new List<LandingResult>();
        foreach (var file in transport.List(definition).Files)
        {
            results.Add(await lake.LandAsync(definition, file, new FixedTimeProvider(Now), CancellationToken.None));
        }

        return results;
    }
}
