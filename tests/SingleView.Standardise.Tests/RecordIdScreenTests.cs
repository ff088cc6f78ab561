namespace SingleView.Standardise.Tests;

public class RecordIdScreenTests
{
    private string folder = null!;

    [SetUp]
    public void SetUp() => folder = Directory.CreateTempSubdirectory("singleview-screen-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(folder, recursive: true);

    [Test]
    public void RepeatedHashes_DistinctIdsOverSeveralSpilledRuns_IsEmpty()
    {
        using var screen = new RecordIdScreen(Path.Combine(folder, "ids"), runLength: 4);
        for (var i = 0; i < 19; i++) screen.Add($"LCS{i}");

        screen.RepeatedHashes().ShouldBeEmpty();
    }

    [Test]
    public void RepeatedHashes_SameIdInDifferentSpilledRuns_IsItsHash()
    {
        using var screen = new RecordIdScreen(Path.Combine(folder, "ids"), runLength: 4);
        for (var i = 0; i < 10; i++) screen.Add(i == 9 ? "LCS1" : $"LCS{i}");

        screen.RepeatedHashes().ShouldBe([RecordIdRegister.Hash("LCS1")]);
    }

    [Test]
    public void RepeatedHashes_SameIdWithinTheRunInMemory_IsItsHash()
    {
        using var screen = new RecordIdScreen(Path.Combine(folder, "ids"));
        screen.Add("A");
        screen.Add("B");
        screen.Add("A");

        screen.RepeatedHashes().ShouldBe([RecordIdRegister.Hash("A")]);
    }

    [Test]
    public void Dispose_AfterSpilling_DeletesTheTemporaryRunFiles()
    {
        var screen = new RecordIdScreen(Path.Combine(folder, "ids"), runLength: 2);
        for (var i = 0; i < 7; i++) screen.Add($"LCS{i}");
        Directory.EnumerateFiles(folder).ShouldAllBe(f => f.EndsWith(".tmp", StringComparison.Ordinal));
        Directory.EnumerateFiles(folder).Count().ShouldBe(3);

        screen.Dispose();

        Directory.EnumerateFiles(folder).ShouldBeEmpty();
    }
}
