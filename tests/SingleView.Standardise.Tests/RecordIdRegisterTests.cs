namespace SingleView.Standardise.Tests;

public class RecordIdRegisterTests
{
    [Test]
    public void TryAdd_SameIdTwice_SecondIsRefusedWithTheFirstLine()
    {
        var register = new RecordIdRegister();
        register.TryAdd("LCS1", 2, out _).ShouldBeTrue();
        register.TryAdd("LCS2", 3, out _).ShouldBeTrue();

        register.TryAdd("LCS1", 9, out var firstLine).ShouldBeFalse();
        firstLine.ShouldBe(2);
    }

    [Test]
    public void TryAdd_ManyDistinctIds_AreAllAccepted()
    {
        var register = new RecordIdRegister();
        for (var i = 0; i < 200_000; i++) register.TryAdd($"LCS{i:D8}", i + 2, out _).ShouldBeTrue();
    }

    [Test]
    public void TryAdd_DifferentIdsWithTheSameHash_AreNotDuplicates()
    {
        var register = new RecordIdRegister(_ => 42);
        register.TryAdd("A", 2, out _).ShouldBeTrue();
        register.TryAdd("B", 3, out _).ShouldBeTrue();
        register.TryAdd("C", 4, out _).ShouldBeTrue();

        register.TryAdd("B", 5, out var firstOfB).ShouldBeFalse();
        firstOfB.ShouldBe(3);
        register.TryAdd("A", 6, out var firstOfA).ShouldBeFalse();
        firstOfA.ShouldBe(2);
    }

    [Test]
    public void TryAdd_IdLongerThanABlock_IsStoredAndFound()
    {
        var register = new RecordIdRegister();
        var longId = new string('x', 100_000);
        register.TryAdd("short", 2, out _).ShouldBeTrue();
        register.TryAdd(longId, 3, out _).ShouldBeTrue();

        register.TryAdd(longId, 4, out var firstLine).ShouldBeFalse();
        firstLine.ShouldBe(3);
        register.TryAdd(longId[..^1], 5, out _).ShouldBeTrue();
    }

    [Test]
    public void TryAdd_OnlyHashesGiven_KeepsOnlyIdsWithThoseHashes()
    {
        var register = new RecordIdRegister(onlyHashes: new HashSet<ulong> { RecordIdRegister.Hash("A") });
        register.TryAdd("B", 2, out _).ShouldBeTrue();
        register.TryAdd("A", 3, out _).ShouldBeTrue();

        register.TryAdd("B", 4, out _).ShouldBeTrue();
        register.TryAdd("A", 5, out var firstLine).ShouldBeFalse();
        firstLine.ShouldBe(3);
    }
}
