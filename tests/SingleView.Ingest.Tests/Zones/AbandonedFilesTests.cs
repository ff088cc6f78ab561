using SingleView.Ingest.Zones;

namespace SingleView.Ingest.Tests.Zones;

public class AbandonedFilesTests
{
    [Test]
    public void RemoveAbandonedFiles_TemporaryFilesAndRawFilesWithoutManifest_AreDeletedAndTheRestKept()
    {
        using var folder = new TemporaryFolder();
        var lake = new Lake(folder.Combine("lake"));
        var date = new DateOnly(2026, 11, 20);
        var landed = folder.Write(Path.Combine(lake.RawFolder("lcs", date), "lcs_20261120.csv"), "x");
        File.WriteAllText(landed + RawManifest.Suffix, "{}");
        var orphan = folder.Write(Path.Combine(lake.RawFolder("lcs", date), "lcs_20261121.csv"), "half");
        var temporary = folder.Write(Path.Combine(lake.StandardisedFolder("lcs", date), "lcs_20261120.csv.jsonl.gz.0a1b.tmp"), "half");
        var otherFeed = folder.Write(Path.Combine(lake.RawFolder("ehm", date), "ehm.csv"), "not this feed's");

        var deleted = lake.RemoveAbandonedFiles("lcs");

        deleted.ShouldBe(["raw/lcs/2026-11-20/lcs_20261121.csv", "standardised/lcs/2026-11-20/lcs_20261120.csv.jsonl.gz.0a1b.tmp"], ignoreOrder: true);
        File.Exists(landed).ShouldBeTrue();
        File.Exists(orphan).ShouldBeFalse();
        File.Exists(temporary).ShouldBeFalse();
        File.Exists(otherFeed).ShouldBeTrue();
    }
}
