using SingleView.Match.Clustering;

namespace SingleView.Match.Tests.Clustering;

public class IdentifierSetsTests
{
    [Test]
    public void Conflict_DifferentValues_True() => new IdentifierSets([1, 2]).Conflict(0, 1).ShouldBeTrue();

    [Test]
    public void Conflict_OneSideWithoutValue_False() => new IdentifierSets([1, 0]).Conflict(0, 1).ShouldBeFalse();

    [Test]
    public void Conflict_AfterMergeSharingOneValue_False()
    {
        var sets = new IdentifierSets([1, 2, 2]);
        sets.Merge(0, 1);

        sets.Conflict(0, 2).ShouldBeFalse();
    }

    [Test]
    public void Conflict_AfterMergeSharingNone_True()
    {
        var sets = new IdentifierSets([1, 2, 3]);
        sets.Merge(0, 1);

        sets.Conflict(2, 0).ShouldBeTrue();
    }
}
