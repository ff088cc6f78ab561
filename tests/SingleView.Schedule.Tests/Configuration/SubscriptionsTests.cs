using SingleView.Core.Configuration;
using SingleView.Schedule.Configuration;
using SingleView.Tests.Shared;

namespace SingleView.Schedule.Tests.Configuration;

public sealed class SubscriptionsTests
{
    [Test]
    public void Load_CommittedFile_ReadsSchoolDslsByUrn()
    {
        var all = Subscriptions.Load(RepositoryRoot.Config).All;

        all.ShouldContain(s => s.SchoolUrn == "107222" && s.Audience == Subscriptions.SchoolDslAudience);
    }

    [Test]
    public void Parse_BadEmail_NamesEntryAndField()
    {
        Should.Throw<ConfigurationException>(() => Subscriptions.Parse("subscriptions.yaml", "subscriptions:\n  - name: a\n    school_urn: \"1\"\n    email: not-an-address\n"))
            .Field.ShouldBe("subscriptions[0].email");
    }

    [Test]
    public void Parse_UrnWithLetters_NamesField()
    {
        Should.Throw<ConfigurationException>(() => Subscriptions.Parse("subscriptions.yaml", "subscriptions:\n  - name: a\n    school_urn: URN1\n    email: a@b.example\n"))
            .Field.ShouldBe("subscriptions[0].school_urn");
    }
}
