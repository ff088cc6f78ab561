using SingleView.Ingest.Zones;

namespace SingleView.Ingest.Tests.Zones;

public class AtomicFileTests
{
    [Test]
    public async Task DisposeAsync_WithoutCommit_LeavesNothingBehind()
    {
        using var folder = new TemporaryFolder();
        var target = folder.Combine("zone", "file.jsonl");

        await using (var file = AtomicFile.Create(target))
        {
            await file.Stream.WriteAsync(new byte[] { 1, 2, 3 });
        }

        Directory.EnumerateFiles(folder.Combine("zone")).ShouldBeEmpty();
    }

    [Test]
    public async Task Create_BeforeCommit_FinalNameIsNotVisible()
    {
        using var folder = new TemporaryFolder();
        var target = folder.Combine("zone", "file.jsonl");

        await using var file = AtomicFile.Create(target);
        await file.Stream.WriteAsync(new byte[] { 1, 2, 3 });

        File.Exists(target).ShouldBeFalse();
    }

    [Test]
    public async Task CommitAsync_Written_RenamesIntoPlaceWithTheContent()
    {
        using var folder = new TemporaryFolder();
        var target = folder.Combine("zone", "file.jsonl");

        await AtomicFile.WriteAllBytesAsync(target, new byte[] { 1, 2, 3 }, CancellationToken.None);

        File.ReadAllBytes(target).ShouldBe(new byte[] { 1, 2, 3 });
        Directory.EnumerateFiles(folder.Combine("zone")).ShouldBe([target]);
    }
}
