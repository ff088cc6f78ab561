using SingleView.Core.Model;
using SingleView.Publish.Decisions;

namespace SingleView.Publish.Tests.Decisions;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class MatchDecisionStoreTests(DatabaseProvider provider)
{
    private static readonly SourceRecordKey School = new("school", "SR1");
    private static readonly SourceRecordKey Police = new("police", "NM1");

    private sealed class SteppingClock : TimeProvider
    {
        private DateTimeOffset now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now = now.AddMinutes(1);
    }

    private static async Task<(TestDatabase Test, MatchDecisionStore Store)> StoreAsync(DatabaseProvider provider)
    {
        var test = await TestDatabase.CreateAsync(provider);
        await new MigrationRunner(test.Database, TimeProvider.System).ApplyAsync();
        return (test, new MatchDecisionStore(test.Database, new SteppingClock()));
    }

    private static Task<RecordedMatchDecision> DecideAsync(MatchDecisionStore store, MatchDecisionKind decision) =>
        store.RecordAsync(School, Police, decision, "checked with the school", "a.officer", "data-quality");

    [Test]
    public async Task LoadConstraintsAsync_Same_IsMustLink()
    {
        var (test, store) = await StoreAsync(provider);
        await using var _ = test;
        await DecideAsync(store, MatchDecisionKind.Same);

        var constraints = await store.LoadConstraintsAsync();

        constraints.MustLink.ShouldBe([(Police, School)]);
        constraints.CannotLink.ShouldBeEmpty();
    }

    [Test]
    public async Task LoadConstraintsAsync_Different_IsCannotLink()
    {
        var (test, store) = await StoreAsync(provider);
        await using var _ = test;
        await DecideAsync(store, MatchDecisionKind.Different);

        (await store.LoadConstraintsAsync()).CannotLink.ShouldBe([(Police, School)]);
    }

    [Test]
    public async Task LoadConstraintsAsync_Unsure_NoConstraint()
    {
        var (test, store) = await StoreAsync(provider);
        await using var _ = test;
        await DecideAsync(store, MatchDecisionKind.Unsure);

        var constraints = await store.LoadConstraintsAsync();

        constraints.MustLink.ShouldBeEmpty();
        constraints.CannotLink.ShouldBeEmpty();
    }

    [Test]
    public async Task LoadConstraintsAsync_LaterDecision_SupersedesTheEarlier()
    {
        var (test, store) = await StoreAsync(provider);
        await using var _ = test;
        await DecideAsync(store, MatchDecisionKind.Same);
        await store.RecordAsync(Police, School, MatchDecisionKind.Different, "twins, different NHS numbers", "b.officer", "data-quality");

        var constraints = await store.LoadConstraintsAsync();

        constraints.MustLink.ShouldBeEmpty();
        constraints.CannotLink.Count.ShouldBe(1);
    }

    [Test]
    public async Task WithdrawAsync_LatestDecision_EarlierDecisionIsLiveAgain()
    {
        var (test, store) = await StoreAsync(provider);
        await using var _ = test;
        await DecideAsync(store, MatchDecisionKind.Same);
        var later = await DecideAsync(store, MatchDecisionKind.Different);

        (await store.WithdrawAsync(later.DecisionId, "b.officer")).ShouldBeTrue();

        (await store.LoadConstraintsAsync()).MustLink.Count.ShouldBe(1);
    }

    [Test]
    public async Task WithdrawAsync_Twice_SecondChangesNothing()
    {
        var (test, store) = await StoreAsync(provider);
        await using var _ = test;
        var decision = await DecideAsync(store, MatchDecisionKind.Same);
        await store.WithdrawAsync(decision.DecisionId, "b.officer");

        (await store.WithdrawAsync(decision.DecisionId, "c.officer")).ShouldBeFalse();
    }

    [Test]
    public async Task HistoryAsync_EitherOrder_EveryDecisionWithWithdrawals()
    {
        var (test, store) = await StoreAsync(provider);
        await using var _ = test;
        var first = await DecideAsync(store, MatchDecisionKind.Same);
        await store.WithdrawAsync(first.DecisionId, "b.officer");
        await DecideAsync(store, MatchDecisionKind.Unsure);

        var history = await store.HistoryAsync(Police, School);

        history.Select(d => d.Decision).ShouldBe([MatchDecisionKind.Same, MatchDecisionKind.Unsure]);
        history[0].WithdrawnBy.ShouldBe("b.officer");
        history[0].IsWithdrawn.ShouldBeTrue();
    }

    [Test]
    public async Task RecordAsync_SameRecordTwice_Refused()
    {
        var (test, store) = await StoreAsync(provider);
        await using var _ = test;

        await Should.ThrowAsync<ArgumentException>(() => store.RecordAsync(School, School, MatchDecisionKind.Same, "why", "a", "dq"));
    }

    [Test]
    public async Task RecordAsync_NoReason_Refused()
    {
        var (test, store) = await StoreAsync(provider);
        await using var _ = test;

        await Should.ThrowAsync<ArgumentException>(() => store.RecordAsync(School, Police, MatchDecisionKind.Same, " ", "a", "dq"));
    }

    [Test]
    public async Task RecordAsync_ReasonWithQuotes_StoredAsGiven()
    {
        var (test, store) = await StoreAsync(provider);
        await using var _ = test;

        await store.RecordAsync(School, Police, MatchDecisionKind.Same, "O'Brien's school'); DROP TABLE person; --", "a", "dq");

        (await store.HistoryAsync(School, Police)).Single().Reason.ShouldBe("O'Brien's school'); DROP TABLE person; --");
    }
}
