using SingleView.Match.Clustering;
using SingleView.Match.Scoring;
using static SingleView.Match.Tests.Records;

namespace SingleView.Match.Tests.Clustering;

public class GuardedClustererTests
{
    private static PreparedRecord[] Prepared(params string[] datesOfBirth) =>
        MatchEngine.Prepare(datesOfBirth.Select((dob, i) => Person($"a:{i}", dob: dob)).ToArray());

    [Test]
    public void Cluster_LinkWithDistantDateOfBirth_Refused()
    {
        var records = Prepared("1967-02-27", "1976-02-27");

        var (_, refused) = new GuardedClusterer(366).Cluster(records, [(0, 1, 20.0)]);

        refused.ShouldBe([0]);
    }

    [Test]
    public void Cluster_TypoSeenThroughByAnIdentifier_DoesNotTurnAwayLaterLinks()
    {
        // Record 1 carries a mistyped year that an identifier saw through; record 2 has the right date
        // and links to record 0 without an identifier: the typo must not stop that link.
        var records = Prepared("1967-02-27", "1976-02-27", "1967-02-27");
        IReadOnlyList<(int, int, double)> links = [(0, 1, 30.0), (0, 2, 20.0)];

        var outcome = new GuardedClusterer(366).Cluster(records, links, [], [], [true, false]);

        outcome.RefusedLinks.ShouldBeEmpty();
    }
}
